/** Filtering by tag: a tag stands for itself and every tag filed under it. */
import type { Annotation, Claim, Tag } from '../model'

export function tagWithDescendants(tags: readonly Tag[], id: string): Set<string> {
  const ids = new Set([id])
  let grew = true
  while (grew) {
    grew = false
    for (const tag of tags) {
      if (tag.parentId && ids.has(tag.parentId) && !ids.has(tag.id)) {
        ids.add(tag.id)
        grew = true
      }
    }
  }
  return ids
}

export function annotationHasTag(annotation: Annotation, ids: ReadonlySet<string>): boolean {
  return annotation.tagIds.some((id) => ids.has(id))
}

/** A claim matches if it carries the tag or any annotation it links to does. */
export function claimHasTag(
  claim: Claim,
  annotations: readonly Annotation[],
  ids: ReadonlySet<string>,
): boolean {
  if (claim.tagIds.some((id) => ids.has(id))) return true
  const linked = new Set(claim.links.map((l) => l.annotationId))
  return annotations.some((a) => linked.has(a.id) && annotationHasTag(a, ids))
}
