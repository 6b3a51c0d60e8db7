/**
 * The notebook as search last heard of it, in maps, kept up to date record by record. Filters, titles,
 * snippets and match offsets are read from here at query time rather than from the index, so a change
 * that is not searchable text (a kind, a grade, a stance, a re-anchored position) needs no
 * re-indexing and is still never stale.
 */
import type { Stance } from '../model'
import type { SearchAnnotation, SearchClaim, SearchSource, SearchTag } from './types'

export class NotebookState {
  readonly sources = new Map<string, SearchSource>()
  readonly annotations = new Map<string, SearchAnnotation>()
  readonly claims = new Map<string, SearchClaim>()
  readonly tagNames = new Map<string, string>()
  /** Tag id → ids of the tags directly under it. */
  readonly tagChildren = new Map<string, string[]>()
  /** Annotation id → how many claim links of each stance point at it. */
  private readonly stanceCounts = new Map<string, Map<Stance, number>>()

  setTags(tags: readonly SearchTag[]): void {
    this.tagNames.clear()
    this.tagChildren.clear()
    for (const tag of tags) {
      this.tagNames.set(tag.id, tag.name)
      if (tag.parentId)
        this.tagChildren.set(tag.parentId, [...(this.tagChildren.get(tag.parentId) ?? []), tag.id])
    }
  }

  setClaim(claim: SearchClaim): void {
    this.deleteClaim(claim.id)
    this.claims.set(claim.id, claim)
    for (const link of claim.links) this.countStance(link.annotationId, link.stance, 1)
  }

  deleteClaim(id: string): void {
    const old = this.claims.get(id)
    if (!old) return
    this.claims.delete(id)
    for (const link of old.links) this.countStance(link.annotationId, link.stance, -1)
  }

  /** The stances with which claims link to an annotation. */
  stancesOf(annotationId: string): Stance[] {
    return [...(this.stanceCounts.get(annotationId)?.keys() ?? [])]
  }

  private countStance(annotationId: string, stance: Stance, by: number): void {
    const counts = this.stanceCounts.get(annotationId) ?? new Map<Stance, number>()
    const count = (counts.get(stance) ?? 0) + by
    if (count > 0) counts.set(stance, count)
    else counts.delete(stance)
    if (counts.size > 0) this.stanceCounts.set(annotationId, counts)
    else this.stanceCounts.delete(annotationId)
  }
}

/** The given tags and every tag nested under them, at any depth (a cycle in bad data ends the walk). */
export function withDescendants(tagIds: readonly string[], tagChildren: Map<string, string[]>): Set<string> {
  const found = new Set<string>()
  const pending = [...tagIds]
  for (let tagId = pending.pop(); tagId !== undefined; tagId = pending.pop()) {
    if (found.has(tagId)) continue
    found.add(tagId)
    pending.push(...(tagChildren.get(tagId) ?? []))
  }
  return found
}

export function tagNamesOf(tagIds: readonly string[], state: NotebookState): string {
  return tagIds
    .map((id) => state.tagNames.get(id))
    .filter((name) => name !== undefined)
    .join(' ; ')
}

/** The sources a claim's evidence is quoted from. */
export function claimSourceIds(claim: SearchClaim, state: NotebookState): string[] {
  const ids: string[] = []
  for (const link of claim.links) {
    const sourceId = state.annotations.get(link.annotationId)?.sourceId
    if (sourceId !== undefined && !ids.includes(sourceId)) ids.push(sourceId)
  }
  return ids
}
