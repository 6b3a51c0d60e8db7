/** How candidates are ordered, and which source hits are more than a title match. */
import type { SearchResult } from 'minisearch'
import type { DocRef } from './documents'
import type { SearchDocType } from './types'

export interface Candidate {
  ref: DocRef
  /** Rounded, so that float noise from incremental updates cannot reorder equal documents. */
  score: number
  result: SearchResult
}

export function candidate(ref: DocRef, result: SearchResult): Candidate {
  return { ref, score: Number(result.score.toPrecision(8)), result }
}

/** Ties are broken by type in this order, then by id and chunk, so equal scores always list alike. */
const TYPE_ORDER: Record<SearchDocType, number> = { source: 0, annotation: 1, claim: 2 }

export function byScoreThenId(a: Candidate, b: Candidate): number {
  return (
    b.score - a.score ||
    TYPE_ORDER[a.ref.type] - TYPE_ORDER[b.ref.type] ||
    compare(a.ref.entityId, b.ref.entityId) ||
    (a.ref.chunk?.index ?? 0) - (b.ref.chunk?.index ?? 0)
  )
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Whether a chunk matched in its text (every phrase too), not only in the title, outlet or author. */
export function matchedInBody(result: SearchResult, phrases: RegExp[], body: string | undefined): boolean {
  const wordsInBody = Object.values(result.match).some((fields) => fields.includes('text'))
  return wordsInBody && phrases.every((phrase) => body !== undefined && phrase.test(body))
}
