/**
 * Every term the notebook's index has seen, numbered, in MiniSearch's radix tree (SearchableMap), which
 * finds a prefix's terms and a typo's neighbours. One vocabulary serves the three document types, so a
 * query expands each word once. Terms are never taken out while the index lives (a term left with no
 * documents matches nothing); saving the index leaves them behind.
 */
import SearchableMap from 'minisearch/SearchableMap'
import type { QueryTerm } from './query'

/** A term a query term matches, and how much a match on it counts (MiniSearch's weights). */
export interface Variant {
  termId: number
  term: string
  weight: number
}

const PREFIX_WEIGHT = 0.375
const FUZZY_WEIGHT = 0.45
const EXPANSIONS_KEPT = 500

export class Vocabulary {
  /** For prefixes and typos. */
  private readonly tree = new SearchableMap<number>()
  /** For exact lookups: several times faster than the tree, and indexing does one per word. */
  private readonly ids = new Map<string, number>()
  private readonly list: string[] = []
  /**
   * Expansions already made, while no term has been added: typing changes only the last word, so the
   * words before it (a typo search walks much of the tree) are looked up once per query, not per key.
   */
  private readonly expanded = new Map<string, Variant[]>()

  constructor(terms: readonly string[] = []) {
    for (const term of terms) this.intern(term)
  }

  get size(): number {
    return this.list.length
  }

  /** Terms by id, for saving. */
  get terms(): readonly string[] {
    return this.list
  }

  idOf(term: string): number | undefined {
    return this.ids.get(term)
  }

  intern(term: string): number {
    let id = this.ids.get(term)
    if (id === undefined) {
      id = this.list.length
      this.list.push(term)
      this.ids.set(term, id)
      this.tree.set(term, id)
      this.expanded.clear()
    }
    return id
  }

  /**
   * The terms `query` matches, as MiniSearch weighs them: the term itself 1; a longer term it is a
   * prefix of 0.375, less the longer the rest; a term a few edits away 0.45, less the more edits (a
   * term that is both counts as a prefix).
   */
  expand(query: QueryTerm): Variant[] {
    const key = `${query.term}\u0000${query.prefix}\u0000${query.maxEdits}`
    let variants = this.expanded.get(key)
    if (!variants) {
      if (this.expanded.size >= EXPANSIONS_KEPT) this.expanded.clear()
      variants = this.expandNow(query)
      this.expanded.set(key, variants)
    }
    return variants
  }

  private expandNow(query: QueryTerm): Variant[] {
    const variants: Variant[] = []
    const exact = this.ids.get(query.term)
    if (exact !== undefined) variants.push({ termId: exact, term: query.term, weight: 1 })
    const fuzzy = query.maxEdits > 0 ? this.tree.fuzzyGet(query.term, query.maxEdits) : null
    if (query.prefix)
      for (const [term, termId] of this.tree.atPrefix(query.term)) {
        const rest = term.length - query.term.length
        if (rest === 0) continue
        fuzzy?.delete(term)
        variants.push({ termId, term, weight: (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * rest) })
      }
    if (fuzzy)
      for (const [term, [termId, edits]] of fuzzy) {
        if (edits === 0) continue
        variants.push({ termId, term, weight: (FUZZY_WEIGHT * term.length) / (term.length + edits) })
      }
    return variants
  }
}
