/**
 * Editing records inside `store.update`. Saved records are frozen (the store finds an edit's changes
 * by identity), so an edit replaces a record with an edited copy instead of changing it in place;
 * only the records that really change get new objects, and so only their files are rewritten.
 */
import { positionOf } from './storage/id-index'

/** The record with `id`, found through the store's index rather than a scan. */
export function findById<T extends { id: string }>(list: readonly T[], id: string): T | undefined {
  return list[positionOf(list, id)]
}

/** Replaces the record with `id` by a copy `edit` changed; returns the copy, or undefined if none. */
export function editById<T extends { id: string }>(
  list: T[],
  id: string,
  edit: (copy: T) => void,
): T | undefined {
  const index = positionOf(list, id)
  if (index < 0) return undefined
  const copy = structuredClone(list[index]!)
  edit(copy)
  list[index] = copy
  return copy
}

/** Replaces every record `match` picks by a copy `edit` changed; returns how many. */
export function editWhere<T>(list: T[], match: (record: T) => boolean, edit: (copy: T) => void): number {
  let edited = 0
  list.forEach((record, index) => {
    if (!match(record)) return
    const copy = structuredClone(record)
    edit(copy)
    list[index] = copy
    edited++
  })
  return edited
}
