/** Turns SearchFilters into one predicate over indexed documents, reading grades and links from state. */
import type { Reliability, Stance } from '../model'
import type { DocRef } from './documents'
import { claimSourceIds, withDescendants, type NotebookState } from './notebook-state'
import type { SearchAnnotation, SearchClaim, SearchFilters } from './types'

type Predicate = (ref: DocRef) => boolean

interface Item {
  source?: { id: string; reliability: Reliability | null | undefined }
  annotation?: SearchAnnotation
  claim?: SearchClaim
}

/** Null when nothing is filtered, so the caller can skip the per-document lookups. */
export function compileFilters(filters: SearchFilters | undefined, state: NotebookState): Predicate | null {
  if (!filters) return null
  const tests: Array<(item: Item, ref: DocRef) => boolean> = []
  const { types, tagIds, kinds, sourceIds, stances, reliability, credibility } = filters

  if (types) tests.push((_item, ref) => types.includes(ref.type))
  if (tagIds) {
    const wanted = withDescendants(tagIds, state.tagChildren)
    tests.push(({ annotation, claim }) =>
      (annotation?.tagIds ?? claim?.tagIds ?? []).some((tagId) => wanted.has(tagId)),
    )
  }
  if (kinds) tests.push(({ annotation }) => annotation !== undefined && kinds.includes(annotation.kind))
  if (sourceIds) tests.push((item) => sourcesOf(item, state).some((id) => sourceIds.includes(id)))
  if (stances) tests.push((item) => stancesOf(item, state).some((stance) => stances.includes(stance)))
  if (reliability)
    tests.push((item) =>
      sourcesOf(item, state).some((id) => {
        const grade = state.sources.get(id)?.reliability
        return grade != null && reliability.includes(grade)
      }),
    )
  if (credibility)
    tests.push(({ claim }) => claim?.credibility != null && credibility.includes(claim.credibility))

  if (tests.length === 0) return null
  return (ref) => {
    const item = itemOf(ref, state)
    return tests.every((test) => test(item, ref))
  }
}

function itemOf(ref: DocRef, state: NotebookState): Item {
  switch (ref.type) {
    case 'source': {
      const source = state.sources.get(ref.entityId)
      return { source: { id: ref.entityId, reliability: source?.reliability } }
    }
    case 'annotation':
      return { annotation: state.annotations.get(ref.entityId) }
    case 'claim':
      return { claim: state.claims.get(ref.entityId) }
  }
}

/** The source itself, the annotation's source, or every source a claim quotes. */
function sourcesOf({ source, annotation, claim }: Item, state: NotebookState): string[] {
  if (source) return [source.id]
  if (annotation) return [annotation.sourceId]
  if (claim) return claimSourceIds(claim, state)
  return []
}

function stancesOf({ annotation, claim }: Item, state: NotebookState): Stance[] {
  if (annotation) return state.stancesOf(annotation.id)
  if (claim) return claim.links.map((link) => link.stance)
  return []
}
