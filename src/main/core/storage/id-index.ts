/**
 * Finding a record by id without scanning: at 100,000 annotations a scan costs tens of
 * milliseconds (each record is a cache miss), which is the whole budget of a save. Each committed
 * array gets an id → position index, built once and carried to the next commit when positions did
 * not move (an edit in place, an append); a draft array uses its committed array's index, checked
 * against the draft before it is trusted.
 */
type Identified = { readonly id: string }

const indexes = new WeakMap<readonly Identified[], Map<string, number>>()
const bases = new WeakMap<readonly Identified[], readonly Identified[]>()

function indexOf(list: readonly Identified[]): Map<string, number> {
  let index = indexes.get(list)
  if (!index) {
    index = new Map(list.map((record, position) => [record.id, position]))
    indexes.set(list, index)
  }
  return index
}

/** A draft array starts as a copy of `base`: lookups in it may use `base`'s index. */
export function draftArray<T extends Identified>(base: readonly T[]): T[] {
  const draft = base.slice()
  bases.set(draft, base)
  return draft
}

/** The position of the record with `id` in `list`, or -1. */
export function positionOf(list: readonly Identified[], id: string): number {
  const indexed = indexes.get(list) ?? (bases.has(list) ? indexOf(bases.get(list)!) : indexOf(list))
  const position = indexed.get(id)
  if (position !== undefined && list[position]?.id === id) return position
  // The draft moved since its base (a removal before this record): find it the slow way.
  return list.findIndex((record) => record.id === id)
}

/**
 * Lets `after` (the new committed array) share `before`'s index when no record moved: the same
 * records in place, or some appended (their positions are added). Lookups verify what they find,
 * so a shared index is never wrong, only slower if records did move.
 */
export function carryIndex(before: readonly Identified[], after: readonly Identified[]): void {
  const index = indexes.get(before)
  if (!index || after.length < before.length) return
  for (let i = before.length; i < after.length; i++) index.set(after[i]!.id, i)
  indexes.set(after, index)
}
