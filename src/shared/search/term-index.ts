/**
 * The inverted index of one document type: for each term and field, the documents holding it (see
 * postings.ts), each document's field lengths, and BM25 scoring exactly as MiniSearch 7 scores (same
 * formula, parameters, field boosts and term weights), so results rank as they did with MiniSearch.
 *
 * Why not MiniSearch itself: it scores through a Map per term and field and an object per matching
 * document, then sorts them all, which at 1,000 sources was slower than scanning every text for the
 * query (bench/search.bench.ts). Here a query walks flat typed arrays and allocates almost nothing, so
 * a word found in every chunk costs microseconds per thousand documents.
 */
import { countOf, entry, PostingList, slotOf } from './postings'
import { processTerm, tokenize } from './tokenize'
import type { Variant, Vocabulary } from './vocabulary'

const BM25 = { k: 1.2, b: 0.7, d: 0.5 }

/** A query's documents: slot and score, every term matched (AND). */
export interface Matches {
  slots: Int32Array
  scores: Float64Array
}

/** What a saved index holds for one type: live documents renumbered 0..n-1, non-empty lists only. */
export interface TermIndexData<R> {
  refs: R[]
  lengths: Uint32Array
  listTerms: Int32Array
  listFields: Uint8Array
  listSizes: Int32Array
  postings: Uint32Array
}

export class TermIndex<R> {
  private readonly fieldCount: number
  /** field → termId → the list, when that term was ever in that field (dense arrays: no holes). */
  private readonly lists: Array<Array<PostingList | undefined>>
  private refs: Array<R | undefined> = []
  /** slot * fieldCount + field → distinct words in that field (MiniSearch's field length). */
  private lengths = new Uint32Array(256)
  private readonly lengthSums: Float64Array
  private live = 0
  // Scratch space for match(), one entry a slot, reused from query to query.
  private scores = new Float64Array(0)
  private levels = new Int32Array(0)
  private marks = new Uint32Array(0)
  private markCount = 0
  private gained = new Int32Array(1024)

  constructor(
    private readonly vocabulary: Vocabulary,
    readonly fields: readonly string[],
    private readonly boosts: readonly number[],
  ) {
    this.fieldCount = fields.length
    this.lengthSums = new Float64Array(fields.length)
    this.lists = fields.map(() => [])
  }

  private list(termId: number, field: number): PostingList | undefined {
    return this.lists[field]![termId]
  }

  get documentCount(): number {
    return this.live
  }

  /** Slots handed out so far (the live ones and those of removed documents). */
  get slotCount(): number {
    return this.refs.length
  }

  refOf(slot: number): R | undefined {
    return this.refs[slot]
  }

  /** Indexes a document given its fields' values in `fields` order; returns its slot. */
  add(values: readonly string[], ref: R): number {
    const slot = this.refs.length
    this.refs.push(ref)
    this.live++
    if (this.lengths.length < (slot + 1) * this.fieldCount) {
      const grown = new Uint32Array(this.lengths.length * 2)
      grown.set(this.lengths)
      this.lengths = grown
    }
    for (let field = 0; field < this.fieldCount; field++) {
      const { length, counts } = analyse(values[field] ?? '')
      this.lengths[slot * this.fieldCount + field] = length
      this.lengthSums[field]! += length
      const lists = this.lists[field]!
      for (const [term, count] of counts) {
        const termId = this.vocabulary.intern(term)
        while (lists.length <= termId) lists.push(undefined)
        const list = (lists[termId] ??= new PostingList())
        list.push(slot, count)
      }
    }
    return slot
  }

  /** Takes a document out, given the values it was indexed with (to find its lists). */
  remove(slot: number, values: readonly string[]): void {
    if (this.refs[slot] === undefined) return
    for (let field = 0; field < this.fieldCount; field++)
      for (const term of analyse(values[field] ?? '').counts.keys()) {
        const termId = this.vocabulary.idOf(term)
        if (termId !== undefined) this.list(termId, field)?.remove(slot)
      }
    this.forget(slot)
  }

  /** Takes documents out without their values (a saved index found stale on open): one pass over all lists. */
  removeSlots(slots: ReadonlySet<number>): void {
    if (slots.size === 0) return
    for (const lists of this.lists) for (const list of lists) list?.removeWhere((slot) => slots.has(slot))
    for (const slot of slots) if (this.refs[slot] !== undefined) this.forget(slot)
  }

  private forget(slot: number): void {
    for (let field = 0; field < this.fieldCount; field++)
      this.lengthSums[field]! -= this.lengths[slot * this.fieldCount + field]!
    this.refs[slot] = undefined
    this.live--
  }

  /** How many postings a query term's variants would walk: the cheapest term goes first. */
  cost(variants: readonly Variant[]): number {
    let total = 0
    for (const { termId } of variants)
      for (let field = 0; field < this.fieldCount; field++) total += this.list(termId, field)?.size ?? 0
    return total
  }

  /**
   * The documents that match every group (one group per query term: its variants, any of which will
   * do) with their BM25 scores summed over groups, variants and fields, as MiniSearch sums them.
   */
  match(groups: ReadonlyArray<readonly Variant[]>): Matches {
    const none = { slots: new Int32Array(0), scores: new Float64Array(0) }
    if (groups.length === 0 || this.live === 0) return none
    const order = groups
      .map((variants) => ({ variants, cost: this.cost(variants) }))
      .sort((a, b) => a.cost - b.cost)
    if (order[0]!.cost === 0) return none
    this.ensureScratch()
    let touched: Int32Array = new Int32Array(0)
    let reached = 0
    for (const [level, { variants }] of order.entries()) {
      const gained = this.scoreGroup(variants, level)
      if (level === 0) touched = gained
      for (const slot of gained) this.levels[slot] = level + 1
      reached = level + 1
      if (gained.length === 0) break
    }
    const slots: number[] = []
    const scores: number[] = []
    for (const slot of touched) {
      if (this.levels[slot] === groups.length && reached === groups.length) {
        slots.push(slot)
        scores.push(this.scores[slot]!)
      }
      this.levels[slot] = 0
      this.scores[slot] = 0
    }
    return { slots: Int32Array.from(slots), scores: Float64Array.from(scores) }
  }

  /** Adds one group's scores to the documents that matched every group before it; returns those it hit. */
  private scoreGroup(variants: readonly Variant[], level: number): Int32Array {
    const { k, b, d } = BM25
    const mark = this.nextMark()
    // Locals, not properties, in the loop: it runs once per posting, millions of times a query.
    const { levels, scores, marks, lengths, fieldCount } = this
    let gained = this.gained
    let count = 0
    const documents = this.live
    for (const variant of variants)
      for (let field = 0; field < fieldCount; field++) {
        const list = this.list(variant.termId, field)
        if (!list || list.size === 0) continue
        const frequency = list.size
        const idf = Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5))
        const average = this.lengthSums[field]! / documents
        const weight = variant.weight * this.boosts[field]!
        const { entries, size } = list
        for (let i = 0; i < size; i++) {
          const value = entries[i]!
          const slot = slotOf(value)
          if (levels[slot] !== level) continue
          const occurrences = countOf(value)
          const length = lengths[slot * fieldCount + field]!
          const bm25 =
            idf * (d + (occurrences * (k + 1)) / (occurrences + k * (1 - b + (b * length) / average)))
          scores[slot]! += weight * bm25
          if (marks[slot] !== mark) {
            marks[slot] = mark
            if (count === gained.length) {
              const grown = new Int32Array(gained.length * 2)
              grown.set(gained)
              gained = this.gained = grown
            }
            gained[count++] = slot
          }
        }
      }
    return gained.slice(0, count)
  }

  private nextMark(): number {
    if (this.markCount === 0xffffffff) {
      this.marks.fill(0)
      this.markCount = 0
    }
    return ++this.markCount
  }

  private ensureScratch(): void {
    const size = this.refs.length
    if (this.scores.length >= size) return
    const capacity = Math.max(1024, size * 2)
    this.scores = new Float64Array(capacity)
    this.levels = new Int32Array(capacity)
    this.marks = new Uint32Array(capacity)
    this.markCount = 0
  }

  /** Whether the document holds any of `variants` in `field` (the most common variants first). */
  holdsAny(slot: number, field: number, variants: readonly Variant[]): boolean {
    for (const { termId } of variants) if ((this.list(termId, field)?.indexOf(slot) ?? -1) >= 0) return true
    return false
  }

  /** The live documents renumbered 0..n-1 and their lists, terms renumbered by `termIds` (old → new). */
  export(termIds: Int32Array): TermIndexData<R> {
    const newSlot = new Int32Array(this.refs.length).fill(-1)
    const refs: R[] = []
    const lengths = new Uint32Array(this.live * this.fieldCount)
    this.refs.forEach((ref, slot) => {
      if (ref === undefined) return
      newSlot[slot] = refs.length
      lengths.set(
        this.lengths.subarray(slot * this.fieldCount, (slot + 1) * this.fieldCount),
        refs.length * this.fieldCount,
      )
      refs.push(ref)
    })
    const listTerms: number[] = []
    const listFields: number[] = []
    const listSizes: number[] = []
    let total = 0
    const kept: PostingList[] = []
    this.lists.forEach((lists, field) =>
      lists.forEach((list, termId) => {
        if (!list || list.size === 0) return
        kept.push(list)
        listTerms.push(termIds[termId]!)
        listFields.push(field)
        listSizes.push(list.size)
        total += list.size
      }),
    )
    const postings = new Uint32Array(total)
    let at = 0
    for (const list of kept)
      for (const value of list.view()) postings[at++] = entry(newSlot[slotOf(value)]!, countOf(value))
    return {
      refs,
      lengths,
      listTerms: Int32Array.from(listTerms),
      listFields: Uint8Array.from(listFields),
      listSizes: Int32Array.from(listSizes),
      postings,
    }
  }

  /** An index over saved data (postings are views into `data.postings`, copied when a list grows). */
  static import<R>(
    vocabulary: Vocabulary,
    fields: readonly string[],
    boosts: readonly number[],
    data: TermIndexData<R>,
  ): TermIndex<R> {
    const index = new TermIndex<R>(vocabulary, fields, boosts)
    const fieldCount = fields.length
    index.refs = [...data.refs]
    index.live = data.refs.length
    index.lengths = new Uint32Array(Math.max(256, data.lengths.length * 2))
    index.lengths.set(data.lengths)
    for (let slot = 0; slot < index.live; slot++)
      for (let field = 0; field < fieldCount; field++)
        index.lengthSums[field]! += data.lengths[slot * fieldCount + field]!
    let at = 0
    for (let i = 0; i < data.listTerms.length; i++) {
      const size = data.listSizes[i]!
      const termId = data.listTerms[i]!
      const lists = index.lists[data.listFields[i]!]!
      while (lists.length <= termId) lists.push(undefined)
      lists[termId] = new PostingList(data.postings.subarray(at, at + size), size)
      at += size
    }
    return index
  }

  /** Term ids that have a posting here, for compacting the vocabulary before saving. */
  markUsedTerms(used: Uint8Array): void {
    for (const lists of this.lists)
      lists.forEach((list, termId) => {
        if (list && list.size > 0) used[termId] = 1
      })
  }
}

/** A field's distinct words (MiniSearch counts raw tokens) and how often each processed term occurs. */
function analyse(value: string): { length: number; counts: Map<string, number> } {
  const raw = new Map<string, number>()
  for (const token of tokenize(value)) raw.set(token, (raw.get(token) ?? 0) + 1)
  // Each distinct spelling is processed once: most words of a text are repeats.
  const counts = new Map<string, number>()
  for (const [token, count] of raw) {
    const term = processTerm(token)
    if (term) counts.set(term, (counts.get(term) ?? 0) + count)
  }
  return { length: raw.size, counts }
}
