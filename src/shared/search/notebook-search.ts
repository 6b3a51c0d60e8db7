/**
 * Full-text search over a notebook: source texts (in chunks, so a hit is a place), annotations and
 * claims. Plain data in, plain data out, so it runs in a worker thread. `apply` re-indexes the records
 * one edit changed; `sync` compares a whole notebook with what is indexed (on open, against a saved
 * index) and re-indexes what differs.
 */
import {
  entityIn,
  entityKey,
  FIELD_BOOST,
  FIELDS_BY_TYPE,
  notebookEntities,
  type DocRef,
  type IndexedEntity,
} from './documents'
import { compileFilters } from './filters'
import { buildHit, fieldTexts, TEXT_FIELDS, type MatchedTerms } from './hits'
import { NotebookState } from './notebook-state'
import { parseQuery, phrasePattern, queryTerms } from './query'
import { best, byScoreThenId, roundScore, type Candidate } from './ranking'
import { loadIndex, saveIndex } from './saved-index'
import { TermIndex, type Matches } from './term-index'
import { Vocabulary, type Variant } from './vocabulary'
import type {
  IndexCounts,
  SearchChange,
  SearchDocType,
  SearchFilters,
  SearchHit,
  SearchInput,
  SyncReport,
} from './types'

export const DOC_TYPES: readonly SearchDocType[] = ['source', 'annotation', 'claim']
const TEXT_FIELD = FIELDS_BY_TYPE.source.indexOf('text')

export function newTypeIndex(vocabulary: Vocabulary, type: SearchDocType): TermIndex<DocRef> {
  const fields = FIELDS_BY_TYPE[type]
  return new TermIndex<DocRef>(
    vocabulary,
    fields,
    fields.map((field) => FIELD_BOOST[field]),
  )
}

/** What the index holds of each item: its documents' slots and the fingerprint of their values. */
export interface EntityEntry {
  slots: number[]
  fingerprint: string
}

export class NotebookSearch {
  /** Documents put into and taken out of the index since it was made. */
  readonly counts: IndexCounts = { added: 0, removed: 0 }
  private state = new NotebookState()

  constructor(
    private readonly vocabulary = new Vocabulary(),
    private readonly indexes: Record<SearchDocType, TermIndex<DocRef>> = {
      source: newTypeIndex(vocabulary, 'source'),
      annotation: newTypeIndex(vocabulary, 'annotation'),
      claim: newTypeIndex(vocabulary, 'claim'),
    },
    /** Item key → its documents; for a saved index, what it held when saved. */
    private readonly entities = new Map<string, EntityEntry>(),
  ) {}

  /** The index as bytes (saved-index.ts), with `meta` for the caller to check on load. */
  save<M>(meta: M): Uint8Array {
    return saveIndex({ vocabulary: this.vocabulary, indexes: this.indexes, entities: this.entities }, meta)
  }

  /**
   * A saved index and its meta, or null when the bytes are not one (or of an older format). It knows
   * no notebook yet: `sync` it with the notebook as it is now, which re-indexes what changed meanwhile.
   */
  static load<M>(bytes: Uint8Array): { search: NotebookSearch; meta: M } | null {
    const parts = loadIndex<M>(bytes)
    if (!parts) return null
    const vocabulary = new Vocabulary(parts.terms)
    const entities = new Map<string, EntityEntry>()
    const load = (type: SearchDocType) => {
      const data = parts.types[type]
      const { ids, fingerprints, counts } = data.items
      let slot = 0
      ids.forEach((id, item) => {
        const slots = Array.from({ length: counts[item]! }, (_, i) => slot + i)
        slot += slots.length
        entities.set(entityKey(type, id), { slots, fingerprint: fingerprints[item]! })
      })
      const fields = FIELDS_BY_TYPE[type]
      return TermIndex.import(
        vocabulary,
        fields,
        fields.map((field) => FIELD_BOOST[field]),
        data,
      )
    }
    const indexes = { source: load('source'), annotation: load('annotation'), claim: load('claim') }
    return { search: new NotebookSearch(vocabulary, indexes, entities), meta: parts.meta }
  }

  /** Index documents held: one per source chunk, annotation and claim. */
  get documentCount(): number {
    return DOC_TYPES.reduce((sum, type) => sum + this.indexes[type].documentCount, 0)
  }

  /**
   * Brings the index in line with a whole notebook: what is unchanged (same fingerprint) stays, the
   * rest is re-indexed. Counts are of items (a source counts once, not per chunk).
   */
  sync(input: SearchInput): SyncReport {
    const { report, pending } = this.reconcile(input)
    this.indexEntities(pending)
    return report
  }

  /**
   * The first half of sync: takes the notebook's records as they are now and takes out of the index
   * what changed or went; returns the items still to (re)index, for the caller to index a batch at a
   * time (a query meanwhile answers from what is indexed).
   */
  reconcile(input: SearchInput): { report: SyncReport; pending: IndexedEntity[] } {
    const state = new NotebookState()
    state.setTags(input.tags)
    for (const source of input.sources) state.sources.set(source.id, source)
    for (const annotation of input.annotations) state.annotations.set(annotation.id, annotation)
    for (const claim of input.claims) state.setClaim(claim)
    const report: SyncReport = { added: 0, updated: 0, removed: 0 }
    const pending: IndexedEntity[] = []
    const present = new Set<string>()
    for (const entity of notebookEntities(state)) {
      present.add(entity.key)
      const old = this.entities.get(entity.key)
      if (old?.fingerprint === entity.fingerprint) continue
      report[old ? 'updated' : 'added']++
      pending.push(entity)
    }
    const staleKeys = pending.map((entity) => entity.key).filter((key) => this.entities.has(key))
    for (const key of this.entities.keys())
      if (!present.has(key)) {
        staleKeys.push(key)
        report.removed++
      }
    // Stale documents go in one pass over the index: a saved index has no values to find them by.
    const stale = new Map<SearchDocType, Set<number>>(DOC_TYPES.map((type) => [type, new Set()]))
    for (const key of staleKeys) {
      const old = this.entities.get(key)!
      const type = key.slice(0, key.indexOf(':')) as SearchDocType
      for (const slot of old.slots) stale.get(type)!.add(slot)
      this.entities.delete(key)
      this.counts.removed += old.slots.length
    }
    for (const type of DOC_TYPES) this.indexes[type].removeSlots(stale.get(type)!)
    this.state = state
    return { report, pending }
  }

  /** Indexes items reconcile left pending. */
  indexEntities(entities: readonly IndexedEntity[]): void {
    for (const entity of entities) this.index(entity)
  }

  /** Re-indexes what one edit changed: its records, and what carries a tag it renamed. */
  apply(change: SearchChange): SyncReport {
    const affected = new Map<string, { type: SearchDocType; id: string }>()
    const touch = (type: SearchDocType, id: string) => affected.set(entityKey(type, id), { type, id })
    for (const id of change.sources?.removed ?? []) touch('source', id)
    for (const { id } of change.sources?.added ?? []) touch('source', id)
    for (const id of change.annotations?.removed ?? []) touch('annotation', id)
    for (const { id } of change.annotations?.added ?? []) touch('annotation', id)
    for (const id of change.claims?.removed ?? []) touch('claim', id)
    for (const { id } of change.claims?.added ?? []) touch('claim', id)
    if (change.tags) {
      const renamed = this.renamedTags(change.tags)
      const carries = (tagIds: readonly string[]) => tagIds.some((id) => renamed.has(id))
      if (renamed.size > 0) {
        for (const a of this.state.annotations.values()) if (carries(a.tagIds)) touch('annotation', a.id)
        for (const c of this.state.claims.values()) if (carries(c.tagIds)) touch('claim', c.id)
      }
    }
    // The entities as indexed, before the state moves on: their values find their postings.
    const before = new Map([...affected].map(([key, { type, id }]) => [key, entityIn(this.state, type, id)]))

    const { state } = this
    if (change.tags) state.setTags(change.tags)
    for (const id of change.sources?.removed ?? []) state.sources.delete(id)
    for (const source of change.sources?.added ?? []) state.sources.set(source.id, source)
    for (const id of change.annotations?.removed ?? []) state.annotations.delete(id)
    for (const annotation of change.annotations?.added ?? []) state.annotations.set(annotation.id, annotation)
    for (const id of change.claims?.removed ?? []) state.deleteClaim(id)
    for (const claim of change.claims?.added ?? []) state.setClaim(claim)

    const report: SyncReport = { added: 0, updated: 0, removed: 0 }
    for (const [key, { type, id }] of affected) {
      const next = entityIn(state, type, id)
      const old = this.entities.get(key)
      if (old && next && old.fingerprint === next.fingerprint) continue
      if (old) this.unindex(type, key, old, before.get(key) ?? null)
      if (next) this.index(next)
      report[old ? (next ? 'updated' : 'removed') : 'added'] += old || next ? 1 : 0
    }
    return report
  }

  /** Tags whose name changed, or that came or went (what carries them reads differently now). */
  private renamedTags(tags: SearchChange['tags'] & object): Set<string> {
    const renamed = new Set<string>()
    const next = new Map(tags.map((tag) => [tag.id, tag.name]))
    for (const [id, name] of this.state.tagNames) if (next.get(id) !== name) renamed.add(id)
    for (const [id] of next) if (!this.state.tagNames.has(id)) renamed.add(id)
    return renamed
  }

  private index(entity: IndexedEntity): void {
    const slots = entity.build().map(({ ref, values }) => this.indexes[entity.type].add(values, ref))
    this.entities.set(entity.key, { slots, fingerprint: entity.fingerprint })
    this.counts.added += slots.length
  }

  private unindex(type: SearchDocType, key: string, old: EntityEntry, asIndexed: IndexedEntity | null): void {
    const index = this.indexes[type]
    const documents = asIndexed?.fingerprint === old.fingerprint ? asIndexed.build() : null
    if (documents && documents.length === old.slots.length)
      old.slots.forEach((slot, i) => index.remove(slot, documents[i]!.values))
    else index.removeSlots(new Set(old.slots))
    this.entities.delete(key)
    this.counts.removed += old.slots.length
  }

  /**
   * Hits for every word (AND; the last word as a prefix while typed; words of 4+ letters forgive a
   * typo) and every "quoted phrase" (exact, case-insensitive), best first. A blank query finds nothing.
   */
  search(query: string, filters?: SearchFilters, limit = 50): SearchHit[] {
    const plan = this.plan(query)
    if (!plan) return []
    const { parsed, terms, groups, quality } = plan
    const types = DOC_TYPES.filter((type) => !filters?.types || filters.types.includes(type))
    const matches = types.map((type) => ({ type, ...this.indexes[type].match(groups) }))
    const variants = uniqueVariants(groups)

    // Filters and phrases are checked best first, only until the page is full: a common word can
    // match thousands of chunks, and slicing each one's text for a phrase check would cost more
    // than the search itself. The best are taken a page at a time, more only when some fail.
    const phrases = parsed.phrases.map(phrasePattern)
    const passes = compileFilters(filters, this.state)
    const typed = new Set(terms.map((term) => term.term))
    const exact = variants.filter((variant) => typed.has(variant.term))
    const found = new Set(variants.map((variant) => variant.term))
    const sourcesHitByTitle = new Set<string>()
    const hits: SearchHit[] = []
    const total = matches.reduce((sum, m) => sum + m.slots.length, 0)
    let examined = 0
    for (let wanted = limit * 2; examined < total && hits.length < limit; wanted *= 4) {
      const ordered = this.best(matches, quality, Math.min(total, wanted))
      for (const { ref, score, slot } of ordered.slice(examined)) {
        examined++
        if (hits.length >= limit) break
        if (passes && !passes(ref)) continue
        const texts = phrases.length > 0 ? fieldTexts(ref, this.state) : []
        if (!phrases.every((phrase) => texts.some((text) => phrase.test(text)))) continue
        if (ref.type === 'source' && !this.matchedInBody(slot, variants, phrases, texts[0])) {
          // A query that only matches a source's title matches each of its chunks: keep the first.
          if (sourcesHitByTitle.has(ref.entityId)) continue
          sourcesHitByTitle.add(ref.entityId)
        }
        const termsIn = (i: number) =>
          this.termsIn(ref.type, slot, TEXT_FIELDS[ref.type][i]!, { exact, variants, found })
        hits.push(buildHit(ref, Number(score.toPrecision(8)), phrases, termsIn, this.state))
      }
    }
    return hits
  }

  /**
   * Every document the query matches, keyed as MiniSearch's documents were (`source:<id>#<chunk>`,
   * `annotation:<id>`, `claim:<id>`), with its score before rounding: what ranking is made of.
   */
  scores(query: string): Map<string, number> {
    const scored = new Map<string, number>()
    const plan = this.plan(query)
    if (!plan) return scored
    const { groups, quality } = plan
    for (const type of DOC_TYPES) {
      const { slots, scores } = this.indexes[type].match(groups)
      slots.forEach((slot, i) => {
        const ref = this.indexes[type].refOf(slot)!
        scored.set(`${type}:${ref.entityId}${ref.chunk ? `#${ref.chunk.index}` : ''}`, scores[i]! * quality)
      })
    }
    return scored
  }

  /** What a query looks for: its terms, each with the terms it matches; null when nothing can match. */
  private plan(query: string) {
    const parsed = parseQuery(query)
    const terms = queryTerms(parsed)
    const groups = terms.map((term) => this.vocabulary.expand(term))
    if (terms.length === 0 || groups.some((variants) => variants.length === 0)) return null
    // MiniSearch multiplies a score by how many distinct query terms the document matched: all of them.
    const quality = new Set(terms.map((term) => term.term)).size
    return { parsed, terms, groups, quality }
  }

  private best(
    matches: Array<Matches & { type: SearchDocType }>,
    quality: number,
    count: number,
  ): Candidate[] {
    const offsets: number[] = []
    let total = 0
    for (const m of matches) {
      offsets.push(total)
      total += m.slots.length
    }
    const locate = (i: number) => {
      let t = matches.length - 1
      while (offsets[t]! > i) t--
      return { match: matches[t]!, at: i - offsets[t]! }
    }
    const scoreAt = (i: number) => {
      const { match, at } = locate(i)
      return roundScore(match.scores[at]! * quality)
    }
    const at = (i: number): Candidate => {
      const { match, at: j } = locate(i)
      const slot = match.slots[j]!
      return { ref: this.indexes[match.type].refOf(slot)!, score: scoreAt(i), slot }
    }
    return best(total, count, scoreAt, at).sort(byScoreThenId)
  }

  /** The query words a document holds in one field, read from the postings (no text is scanned). */
  private termsIn(
    type: SearchDocType,
    slot: number,
    field: number,
    query: { exact: Variant[]; variants: Variant[]; found: ReadonlySet<string> },
  ): MatchedTerms | null {
    const index = this.indexes[type]
    if (!index.holdsAny(slot, field, query.variants)) return null
    const typed = new Set<string>()
    for (const variant of query.exact) if (index.holdsAny(slot, field, [variant])) typed.add(variant.term)
    return { typed, found: query.found }
  }

  /** Whether a chunk matched in its text (every phrase too), not only in the title, outlet or author. */
  private matchedInBody(
    slot: number,
    variants: Variant[],
    phrases: RegExp[],
    body: string | undefined,
  ): boolean {
    const wordsInBody = this.indexes.source.holdsAny(slot, TEXT_FIELD, variants)
    return wordsInBody && phrases.every((phrase) => body !== undefined && phrase.test(body))
  }
}

/** Every term any query term matches, once each. */
function uniqueVariants(groups: Variant[][]): Variant[] {
  const seen = new Map<number, Variant>()
  for (const variants of groups) for (const variant of variants) seen.set(variant.termId, variant)
  return [...seen.values()]
}
