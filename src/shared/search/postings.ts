/**
 * One term's documents in one field, as a sorted Uint32Array: each entry is a document's slot
 * (upper 24 bits) and how often the term occurs there (lower 8 bits). Four bytes a posting, one array
 * a list: a notebook of 10,000 sources holds some 10 million postings, so this is where memory goes.
 * Slots only grow (a re-indexed document gets a new one), so appending keeps a list sorted.
 */

const COUNT_BITS = 8
const COUNT_MASK = (1 << COUNT_BITS) - 1
/** 16.7 million slots: renumbered densely whenever the index is saved, so never reached in practice. */
export const MAX_SLOT = 2 ** (32 - COUNT_BITS) - 1

export const slotOf = (entry: number): number => entry >>> COUNT_BITS
/** BM25 saturates long before 255 occurrences in a 1,000-character chunk: the count is capped there. */
export const countOf = (entry: number): number => entry & COUNT_MASK
export const entry = (slot: number, count: number): number =>
  ((slot << COUNT_BITS) | Math.min(count, COUNT_MASK)) >>> 0

export class PostingList {
  constructor(
    public entries: Uint32Array = new Uint32Array(2),
    public size = 0,
  ) {}

  /** Adds a document with a slot above every slot in the list. */
  push(slot: number, count: number): void {
    if (this.size === this.entries.length) {
      const grown = new Uint32Array(Math.max(4, this.size * 2))
      grown.set(this.entries)
      this.entries = grown
    }
    this.entries[this.size++] = entry(slot, count)
  }

  /** Where `slot` is, or -1. */
  indexOf(slot: number): number {
    let low = 0
    let high = this.size - 1
    while (low <= high) {
      const middle = (low + high) >>> 1
      const found = slotOf(this.entries[middle]!)
      if (found === slot) return middle
      if (found < slot) low = middle + 1
      else high = middle - 1
    }
    return -1
  }

  remove(slot: number): boolean {
    const at = this.indexOf(slot)
    if (at < 0) return false
    this.entries.copyWithin(at, at + 1, this.size)
    this.size--
    return true
  }

  /** Drops every entry whose slot `dead` names, in one pass. */
  removeWhere(dead: (slot: number) => boolean): void {
    let kept = 0
    for (let i = 0; i < this.size; i++) {
      const value = this.entries[i]!
      if (!dead(slotOf(value))) this.entries[kept++] = value
    }
    this.size = kept
  }

  /** The live part, for saving. */
  view(): Uint32Array {
    return this.entries.subarray(0, this.size)
  }
}
