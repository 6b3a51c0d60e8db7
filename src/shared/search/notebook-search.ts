/**
 * Full-text search over a notebook: source texts (in chunks, so a hit is a place), annotations and
 * claims. Plain data in, plain data out, so it can live in a Web Worker; `sync` re-indexes only what
 * changed since the last call.
 */
import MiniSearch from 'minisearch'
import {
  entityIn,
  FIELD_BOOST,
  FIELDS_BY_TYPE,
  notebookEntities,
  type DocRef,
  type IndexDoc,
} from './documents'
import { compileFilters } from './filters'
import { buildHit, fieldTexts } from './hits'
import { notebookState, type NotebookState } from './notebook-state'
import { miniSearchQuery, parseQuery, phrasePattern } from './query'
import { byScoreThenId, candidate, matchedInBody, type Candidate } from './ranking'
import { processTerm, tokenize } from './tokenize'
import type { SearchDocType, SearchFilters, SearchHit, SearchInput, SyncReport } from './types'

const DOC_TYPES: readonly SearchDocType[] = ['source', 'annotation', 'claim']

export class NotebookSearch {
  private readonly indexes: Record<SearchDocType, MiniSearch<IndexDoc>> = {
    source: newIndex('source'),
    annotation: newIndex('annotation'),
    claim: newIndex('claim'),
  }
  /** Index document key → which item it is. */
  private readonly refs = new Map<string, DocRef>()
  /** Item key → what identifies it and the fingerprint of its indexed values. */
  private readonly entities = new Map<string, { type: SearchDocType; id: string; fingerprint: string }>()
  private state: NotebookState = notebookState({ sources: [], annotations: [], tags: [], claims: [] })

  /** Brings the index in line with `input`; counts are of items (a source counts once, not per chunk). */
  sync(input: SearchInput): SyncReport {
    const previous = this.state
    const state = notebookState(input)
    const next = notebookEntities(state)
    const nextKeys = new Set(next.map((entity) => entity.key))
    const report: SyncReport = { added: 0, updated: 0, removed: 0 }
    for (const [key, old] of this.entities)
      if (!nextKeys.has(key)) {
        this.unindex(old.type, old.id, previous)
        this.entities.delete(key)
        report.removed++
      }
    for (const entity of next) {
      const old = this.entities.get(entity.key)
      const sameText =
        entity.type !== 'source' ||
        previous.sources.get(entity.id)?.text === state.sources.get(entity.id)?.text
      if (old?.fingerprint === entity.fingerprint && sameText) continue
      if (old) this.unindex(entity.type, entity.id, previous)
      report[old ? 'updated' : 'added']++
      for (const { ref, doc } of entity.build()) {
        this.indexes[entity.type].add(doc)
        this.refs.set(doc.key, ref)
      }
      this.entities.set(entity.key, { type: entity.type, id: entity.id, fingerprint: entity.fingerprint })
    }
    this.state = state
    return report
  }

  /** Index documents held: one per source chunk, annotation and claim. */
  get documentCount(): number {
    return DOC_TYPES.reduce((sum, type) => sum + this.indexes[type].documentCount, 0)
  }

  /**
   * Hits for every word (AND; the last word as a prefix while typed; words of 4+ letters forgive a
   * typo) and every "quoted phrase" (exact, case-insensitive), best first. A blank query finds nothing.
   */
  search(query: string, filters?: SearchFilters, limit = 50): SearchHit[] {
    const parsed = parseQuery(query)
    const miniQuery = miniSearchQuery(parsed)
    if (!miniQuery) return []
    const candidates: Candidate[] = []
    for (const type of DOC_TYPES) {
      if (filters?.types && !filters.types.includes(type)) continue
      for (const result of this.indexes[type].search(miniQuery)) {
        const ref = this.refs.get(result.id as string)
        if (ref) candidates.push(candidate(ref, result))
      }
    }
    candidates.sort(byScoreThenId)

    // Filters and phrases are checked best first, only until the page is full: a common word can
    // match thousands of chunks, and slicing each one's text for a phrase check would cost more
    // than the search itself.
    const phrases = parsed.phrases.map(phrasePattern)
    const passes = compileFilters(filters, this.state)
    const sourcesHitByTitle = new Set<string>()
    const hits: SearchHit[] = []
    for (const { ref, score, result } of candidates) {
      if (hits.length >= limit) break
      if (passes && !passes(ref)) continue
      const texts = phrases.length > 0 ? fieldTexts(ref, this.state) : []
      if (!phrases.every((phrase) => texts.some((text) => phrase.test(text)))) continue
      if (ref.type === 'source' && !matchedInBody(result, phrases, texts[0])) {
        // A query that only matches a source's title matches each of its chunks: keep the first.
        if (sourcesHitByTitle.has(ref.entityId)) continue
        sourcesHitByTitle.add(ref.entityId)
      }
      const terms = { typed: new Set(result.queryTerms), found: new Set(result.terms) }
      hits.push(buildHit(ref, score, phrases, terms, this.state))
    }
    return hits
  }

  /**
   * Takes an item's documents out of the index with remove(), which needs them as they were indexed:
   * rebuilt from the previous state, which holds exactly the indexed values (an item is only left
   * alone when its values are unchanged). discard() would be cheaper, but MiniSearch 7 then counts the
   * discarded documents in a term's document frequency until a vacuum, skewing scores (even negative).
   */
  private unindex(type: SearchDocType, id: string, previous: NotebookState): void {
    for (const { doc } of entityIn(previous, type, id)?.build() ?? []) {
      this.indexes[type].remove(doc)
      this.refs.delete(doc.key)
    }
  }
}

function newIndex(type: SearchDocType): MiniSearch<IndexDoc> {
  const fields = [...FIELDS_BY_TYPE[type]]
  return new MiniSearch<IndexDoc>({
    idField: 'key',
    fields,
    storeFields: [],
    tokenize,
    processTerm,
    // Documents leave by remove(), which leaves nothing to sweep.
    autoVacuum: false,
    searchOptions: {
      combineWith: 'AND',
      boost: Object.fromEntries(fields.map((field) => [field, FIELD_BOOST[field]])),
    },
  })
}
