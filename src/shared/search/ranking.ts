/** How candidates are ordered, and taking the best few of many without sorting them all. */
import type { DocRef } from './documents'
import type { SearchDocType } from './types'

export interface Candidate {
  ref: DocRef
  /** Rounded, so that float noise (the order scores were summed in) cannot reorder equal documents. */
  score: number
  /** The document's slot in its type's index. */
  slot: number
}

/** 2^-20: finer than any real difference between two scores, coarser than float noise. */
const SCORE_GRAIN = 2 ** 20

export const roundScore = (score: number): number => Math.round(score * SCORE_GRAIN) / SCORE_GRAIN

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

/**
 * The first `count` of `total` candidates in `order`, in order: a heap of `count` keeps the best seen,
 * so a word in 50,000 chunks costs 50,000 comparisons of numbers, not a sort. `at(i)` makes candidate
 * i, whose rounded score is `scoreAt(i)`.
 */
export function best(
  total: number,
  count: number,
  scoreAt: (i: number) => number,
  at: (i: number) => Candidate,
): Candidate[] {
  const heap: Candidate[] = [] // worst of the kept at the top
  const worse = (a: Candidate, b: Candidate) => byScoreThenId(a, b) > 0
  for (let i = 0; i < total; i++) {
    // Most candidates lose on score alone: no object is made for them.
    if (heap.length === count && scoreAt(i) < heap[0]!.score) continue
    const next = at(i)
    if (heap.length < count) {
      heap.push(next)
      siftUp(heap, heap.length - 1, worse)
    } else if (worse(heap[0]!, next)) {
      heap[0] = next
      siftDown(heap, 0, worse)
    }
  }
  return heap.sort(byScoreThenId)
}

function siftUp<T>(heap: T[], i: number, worse: (a: T, b: T) => boolean): void {
  while (i > 0) {
    const parent = (i - 1) >> 1
    if (!worse(heap[i]!, heap[parent]!)) return
    ;[heap[i], heap[parent]] = [heap[parent]!, heap[i]!]
    i = parent
  }
}

function siftDown<T>(heap: T[], i: number, worse: (a: T, b: T) => boolean): void {
  for (;;) {
    const left = 2 * i + 1
    const right = left + 1
    let top = i
    if (left < heap.length && worse(heap[left]!, heap[top]!)) top = left
    if (right < heap.length && worse(heap[right]!, heap[top]!)) top = right
    if (top === i) return
    ;[heap[i], heap[top]] = [heap[top]!, heap[i]!]
    i = top
  }
}
