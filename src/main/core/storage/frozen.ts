/**
 * Committed notebook data is deeply frozen. That is what lets the store find an edit's changes by
 * identity (see record-diff.ts): code that tried to change a saved record in place would throw
 * here instead of silently changing data the store never saves.
 */
import type { NotebookData } from '../../../shared/model'

export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key])
  return Object.freeze(value)
}

/** A draft of committed data: the root and its arrays are fresh copies; the records are shared. */
export function draftOf(data: NotebookData): NotebookData {
  return {
    ...data,
    sources: [...data.sources],
    annotations: [...data.annotations],
    tags: [...data.tags],
    claims: [...data.claims],
    briefs: [...data.briefs],
  }
}

/** Freezes what an edit added (the records it made, the arrays and the root it left). */
export function freezeCommitted(data: NotebookData, added: Iterable<object>): NotebookData {
  for (const record of added) deepFreeze(record)
  deepFreeze(data.meta)
  for (const list of [data.sources, data.annotations, data.tags, data.claims, data.briefs])
    Object.freeze(list)
  return Object.freeze(data)
}
