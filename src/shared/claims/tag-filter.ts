/** Filtering by tag: a tag stands for itself and every tag filed under it. */
import type { Annotation, Claim, Tag } from '../model'
import type { NotebookIndex } from './notebook-index'

export function tagWithDescendants(tags: readonly Tag[], id: string): Set<string> {
  const children = new Map<string, string[]>()
  for (const tag of tags) {
    if (!tag.parentId) continue
    const siblings = children.get(tag.parentId)
    if (siblings) siblings.push(tag.id)
    else children.set(tag.parentId, [tag.id])
  }
  const ids = new Set([id])
  // Breadth first over the tree (a cycle in damaged data stops at the ids already seen).
  for (const at of ids) for (const child of children.get(at) ?? []) ids.add(child)
  return ids
}

export function annotationHasTag(annotation: Annotation, ids: ReadonlySet<string>): boolean {
  return annotation.tagIds.some((id) => ids.has(id))
}

/** A claim matches if it carries the tag or any annotation it links to does. */
export function claimHasTag(
  claim: Claim,
  index: Pick<NotebookIndex, 'annotationsById'>,
  ids: ReadonlySet<string>,
): boolean {
  if (claim.tagIds.some((id) => ids.has(id))) return true
  return claim.links.some((link) => {
    const annotation = index.annotationsById.get(link.annotationId)
    return annotation !== undefined && annotationHasTag(annotation, ids)
  })
}
