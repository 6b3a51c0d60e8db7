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

const LISTS = ['sources', 'annotations', 'tags', 'claims', 'briefs'] as const

/**
 * A draft of committed data: a fresh root whose records are shared and whose arrays are copied
 * the first time the edit reaches them (an edit of one annotation copies no other list; at 10,000
 * sources every copy is a large allocation the garbage collector pays for later).
 */
export function draftOf(data: NotebookData): NotebookData {
  const draft = { schemaVersion: data.schemaVersion, meta: data.meta } as NotebookData
  for (const key of LISTS) {
    const settle = (value: unknown) =>
      Object.defineProperty(draft, key, { value, writable: true, enumerable: true, configurable: true })
    Object.defineProperty(draft, key, {
      enumerable: true,
      configurable: true,
      get: () => {
        const base = data[key] as Array<{ id: string }>
        const copy = takeSpare(base) ?? draftArray(base)
        settle(copy)
        return copy
      },
      set: settle,
    })
  }
  return draft
}

/** Lists this long get their next draft copy made ahead of the edit that needs it. */
const SPARE_FROM = 10_000
const spares = new WeakMap<readonly unknown[], unknown[]>()

function takeSpare<T>(base: readonly T[]): T[] | undefined {
  const spare = spares.get(base) as T[] | undefined
  spares.delete(base)
  return spare
}

/**
 * Makes the copies the next edit of `data`'s long lists will need (one of 100,000 annotations takes
 * milliseconds): at once (on open), or in the next turn of the event loop, which after a commit is
 * while its save waits on the disk. `isCurrent` says whether `data` is still what an edit would draft.
 */
export function prepareDraftCopies(data: NotebookData, when: 'now' | 'soon', isCurrent: () => boolean): void {
  const prepare = () => {
    if (!isCurrent()) return
    for (const key of LISTS) {
      const list = data[key] as Array<{ id: string }>
      if (list.length >= SPARE_FROM && !spares.has(list)) spares.set(list, draftArray(list))
    }
  }
  if (when === 'now') prepare()
  else setImmediate(prepare)
}

/** The draft as plain data: the lists the edit reached, and the committed ones it never touched. */
export function settleDraft(draft: NotebookData, committed: NotebookData): NotebookData {
  const list = <K extends (typeof LISTS)[number]>(key: K): NotebookData[K] => {
    const own = Object.getOwnPropertyDescriptor(draft, key)!
    return 'value' in own ? (own.value as NotebookData[K]) : committed[key]
  }
  return {
    schemaVersion: draft.schemaVersion,
    meta: draft.meta,
    sources: list('sources'),
    annotations: list('annotations'),
    tags: list('tags'),
    claims: list('claims'),
    briefs: list('briefs'),
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
 * Loaded data as the store keeps it. Its records were frozen one by one as they were read and
 * validated (load-records.ts, migrate-v1.ts), which costs far less than a pass over them all.
 */
export function freezeLoaded(data: NotebookData): NotebookData {
  deepFreeze(data.meta)
  return Object.freeze(data)
}
