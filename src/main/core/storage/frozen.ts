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

/**
 * Freezes loaded records a batch at a time after open, so opening a large notebook does not wait
 * for it. The freeze is a guard against code changing records in place, not something saving
 * relies on: an edit made before it finishes is still found by identity.
 */
export function freezeInBackground(data: NotebookData): NotebookData {
  deepFreeze(data.meta)
  const lists = [data.tags, data.claims, data.briefs, data.sources, data.annotations]
  let list = 0
  let at = 0
  const step = () => {
    for (let budget = 1000; budget > 0 && list < lists.length; budget--) {
      const records = lists[list]!
      if (at >= records.length) {
        list++
        at = 0
        continue
      }
      deepFreeze(records[at++])
    }
    if (list < lists.length) setImmediate(step)
  }
  setImmediate(step)
  return Object.freeze(data)
}
