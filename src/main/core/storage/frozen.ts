/**
 * Committed notebook data is deeply frozen. That is what lets the store find an edit's changes by
 * identity (see record-diff.ts): code that tried to change a saved record in place would throw
 * here instead of silently changing data the store never saves.
 */
import type { NotebookData } from '../../../shared/model'
import { draftArray } from './id-index'

export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key])
  return Object.freeze(value)
}

/** A draft of committed data: the root and its arrays are fresh copies; the records are shared. */
export function draftOf(data: NotebookData): NotebookData {
  return {
    ...data,
    sources: draftArray(data.sources),
    annotations: draftArray(data.annotations),
    tags: draftArray(data.tags),
    claims: draftArray(data.claims),
    briefs: draftArray(data.briefs),
  }
}

/**
 * Freezes what an edit added (the records it made) and the root. The arrays stay unfrozen on
 * purpose: V8 copies a frozen array of 100,000 records on a slow path (several milliseconds per
 * copy, and every edit copies), and code only ever reaches them through `update`'s draft copies.
 */
export function freezeCommitted(data: NotebookData, added: Iterable<object>): NotebookData {
  for (const record of added) deepFreeze(record)
  deepFreeze(data.meta)
  return Object.freeze(data)
}
