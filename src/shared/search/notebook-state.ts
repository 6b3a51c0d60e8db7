/**
 * The notebook as the last sync gave it, in maps. Filters, titles, snippets and match offsets are read
 * from here at query time rather than from the index, so a change that is not searchable text (a kind,
 * a grade, a stance, a re-anchored position) needs no re-indexing and is still never stale.
 */
import type { Annotation, Claim, Stance } from '../model'
import type { SearchInput, SearchSource } from './types'

export interface NotebookState {
  sources: Map<string, SearchSource>
  annotations: Map<string, Annotation>
  claims: Map<string, Claim>
  tagNames: Map<string, string>
  /** Tag id → ids of the tags directly under it. */
  tagChildren: Map<string, string[]>
  /** Annotation id → the stances with which claims link to it. */
  annotationStances: Map<string, Set<Stance>>
}

export function notebookState(input: SearchInput): NotebookState {
  const tagNames = new Map<string, string>()
  const tagChildren = new Map<string, string[]>()
  for (const tag of input.tags) {
    tagNames.set(tag.id, tag.name)
    if (tag.parentId) tagChildren.set(tag.parentId, [...(tagChildren.get(tag.parentId) ?? []), tag.id])
  }
  const annotationStances = new Map<string, Set<Stance>>()
  for (const claim of input.claims)
    for (const link of claim.links) {
      const stances = annotationStances.get(link.annotationId) ?? new Set<Stance>()
      stances.add(link.stance)
      annotationStances.set(link.annotationId, stances)
    }
  return {
    sources: new Map(input.sources.map((source) => [source.id, source])),
    annotations: new Map(input.annotations.map((annotation) => [annotation.id, annotation])),
    claims: new Map(input.claims.map((claim) => [claim.id, claim])),
    tagNames,
    tagChildren,
    annotationStances,
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
export function claimSourceIds(claim: Claim, state: NotebookState): string[] {
  const ids: string[] = []
  for (const link of claim.links) {
    const sourceId = state.annotations.get(link.annotationId)?.sourceId
    if (sourceId !== undefined && !ids.includes(sourceId)) ids.push(sourceId)
  }
  return ids
}
