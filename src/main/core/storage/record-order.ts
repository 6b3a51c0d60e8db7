/**
 * The one order records have, in memory and when read back from their files (a folder has no order
 * of its own): sources by import time, annotations, claims and briefs by creation time, then by id.
 * New records are appended with the newest time, so keeping the order costs nothing for them; a
 * record put back by an undo is the case that needs a sort.
 */
type Timed = { id: string } & ({ imported: string } | { created: string })

export function compareRecords(a: Timed, b: Timed): number {
  const ta = 'created' in a ? a.created : a.imported
  const tb = 'created' in b ? b.created : b.imported
  // ISO UTC times compare correctly as plain strings, and plain comparison is far faster than locale.
  if (ta !== tb) return ta < tb ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** Sorts `list` in place if any of `added` sits out of order (and says whether it did). */
export function keepOrdered<T extends Timed>(list: T[], added: readonly T[]): boolean {
  for (const record of added) {
    const at = list.lastIndexOf(record)
    if (at < 0) continue
    const before = list[at - 1]
    const after = list[at + 1]
    if ((before && compareRecords(before, record) > 0) || (after && compareRecords(record, after) > 0)) {
      list.sort(compareRecords)
      return true
    }
  }
  return false
}
