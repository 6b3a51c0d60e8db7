/**
 * Finding a record by id without scanning: at 100,000 annotations a scan costs tens of
 * milliseconds (each record is a cache miss), which is the whole budget of a save. Each committed
 * array has an id → position index, built on open and carried from one commit to the next; a
 * draft array uses its committed array's index. Positions are hints, checked before they are
 * trusted: a record a removal or a sort moved is looked for outwards from where it was, so an
 * index never needs rebuilding (which at 100,000 records would stall a save).
 */
type Identified = { readonly id: string }

const indexes = new WeakMap<readonly Identified[], Map<string, number>>()
/** Each draft's committed array, while the edit runs (dropped at commit: no chain of old arrays stays alive). */
const bases = new WeakMap<readonly Identified[], readonly Identified[]>()

/** Builds `list`'s index now (on open), so no save has to. */
export function indexList(list: readonly Identified[]): Map<string, number> {
  const index = new Map<string, number>()
  for (let position = 0; position < list.length; position++) index.set(list[position]!.id, position)
  indexes.set(list, index)
  return index
}

function indexFor(list: readonly Identified[]): Map<string, number> {
  const base = bases.get(list)
  return indexes.get(list) ?? (base ? (indexes.get(base) ?? indexList(base)) : indexList(list))
}

/** A draft array starts as a copy of `base`: lookups in it may use `base`'s index. */
export function draftArray<T extends Identified>(base: readonly T[]): T[] {
  const draft = base.slice()
  bases.set(draft, base)
  return draft
}

/** The position of the record with `id` in `list`, or -1. */
export function positionOf(list: readonly Identified[], id: string): number {
  const hint = indexFor(list).get(id)
  // An id the index does not know was most likely appended since: look from the end.
  return searchOutwards(list, id, hint ?? list.length - 1)
}

function searchOutwards(list: readonly Identified[], id: string, from: number): number {
  const last = list.length - 1
  const start = Math.min(Math.max(from, 0), last)
  for (let distance = 0; start - distance >= 0 || start + distance <= last; distance++) {
    if (start - distance >= 0 && list[start - distance]!.id === id) return start - distance
    if (distance > 0 && start + distance <= last && list[start + distance]!.id === id) return start + distance
  }
  return -1
}

/**
 * Gives `after` (the new committed array) `before`'s index, updated for what the edit changed: the
 * positions of records it added, and removed ids dropped. Records it moved keep their old positions
 * as hints. The index is shared, not copied: lookups in `before` check their hints all the same.
 */
export function carryIndex(
  before: readonly Identified[],
  after: readonly Identified[],
  changes: { added: readonly Identified[]; removed: readonly Identified[] },
): void {
  bases.delete(after)
  if (before === after) return
  const index = indexes.get(before)
  if (!index) return
  indexes.set(after, index)
  const addedIds = new Set<string>()
  for (const record of changes.added) {
    addedIds.add(record.id)
    const hint = index.get(record.id)
    if (hint === undefined || after[hint] !== record) index.set(record.id, after.lastIndexOf(record))
  }
  for (const record of changes.removed) if (!addedIds.has(record.id)) index.delete(record.id)
}
