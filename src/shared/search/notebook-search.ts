/**
 * Full-text search over a notebook: source texts (in chunks, so a hit is a place), annotations and
 * claims. Plain data in, plain data out, so it can live in a Web Worker; `sync` re-indexes only what
 * changed since the last call.
 */
import MiniSearch, { type SearchResult } from 'minisearch'
import {
  entityIn,
  FIELD_BOOST,
  FIELDS_BY_TYPE,
  notebookEntities,
  type DocRef,
  type IndexDoc,
} from './documents'
import { compileFilters } from './filters'
import { buildHit, containsPhrases, fieldTexts, type MatchedTerms } from './hits'
import { notebookState, type NotebookState } from './notebook-state'
import { parseQuery, phrasePattern } from './query'
import { processTerm, tokenize } from './tokenize'
import type { SearchDocType, SearchFilters, SearchHit, SearchInput, SyncReport } from './types'

const DOC_TYPES: readonly SearchDocType[] = ['source', 'annotation', 'claim']
/** Ties are broken by type in this order, then by id, so equal scores always list the same way. */
const TYPE_ORDER: Record<SearchDocType, number> = { source: 0, annotation: 1, claim: 2 }
/** Below this length a typo is as likely another word: "war" must not find "was". */
const FUZZY_MIN_CHARS = 4
const FUZZINESS = 0.2
/** A one-letter prefix matches most of the notebook: worth nothing, costs the most. */
const PREFIX_MIN_CHARS = 2

interface Candidate {
  ref: DocRef
  key: string
  score: number
  terms: MatchedTerms
  /** False when only a source's title, outlet or author matched, not its text. */
  inBody: boolean
}

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
    const queries: Array<{
      queries: string[]
      prefix: boolean | PrefixOption
      fuzzy: boolean | FuzzyOption
    }> = parsed.phrases.map((phrase) => ({ queries: [phrase], prefix: false, fuzzy: false }))
    if (parsed.words.length > 0)
      queries.push({
        queries: [parsed.words.join(' ')],
        prefix: (term, i, terms) =>
          parsed.lastWordIsPrefix && i === terms.length - 1 && term.length >= PREFIX_MIN_CHARS,
        fuzzy: (term) => (term.length >= FUZZY_MIN_CHARS && !/\d/.test(term) ? FUZZINESS : false),
      })
    if (queries.length === 0) return []

    const phrases = parsed.phrases.map(phrasePattern)
    const passes = compileFilters(filters, this.state)
    const candidates: Candidate[] = []
    for (const type of DOC_TYPES) {
      if (filters?.types && !filters.types.includes(type)) continue
      for (const result of this.indexes[type].search({ combineWith: 'AND', queries })) {
        const ref = this.refs.get(result.id as string)
        if (!ref || (passes && !passes(ref))) continue
        if (phrases.length > 0 && !containsPhrases(fieldTexts(ref, this.state), phrases)) continue
        candidates.push(candidate(ref, result))
      }
    }
    return withoutRepeatedTitleHits(candidates)
      .sort(byScoreThenId)
      .slice(0, Math.max(0, limit))
      .map(({ ref, score, terms }) => buildHit(ref, score, phrases, terms, this.state))
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

type PrefixOption = (term: string, i: number, terms: string[]) => boolean
type FuzzyOption = (term: string) => number | false

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

function candidate(ref: DocRef, result: SearchResult): Candidate {
  return {
    ref,
    key: result.id as string,
    // Rounded so that float noise from incremental updates cannot reorder equal documents.
    score: Number(result.score.toPrecision(8)),
    terms: { typed: new Set(result.queryTerms), found: new Set(result.terms) },
    inBody: ref.type !== 'source' || Object.values(result.match).some((fields) => fields.includes('text')),
  }
}

/** A query that only matches a source's title matches every chunk of it: keep its first chunk only. */
function withoutRepeatedTitleHits(candidates: Candidate[]): Candidate[] {
  const firstTitleHit = new Map<string, Candidate>()
  for (const hit of candidates) {
    if (hit.inBody) continue
    const first = firstTitleHit.get(hit.ref.entityId)
    if (!first || (hit.ref.chunk?.index ?? 0) < (first.ref.chunk?.index ?? 0))
      firstTitleHit.set(hit.ref.entityId, hit)
  }
  return candidates.filter((hit) => hit.inBody || firstTitleHit.get(hit.ref.entityId) === hit)
}

function byScoreThenId(a: Candidate, b: Candidate): number {
  return b.score - a.score || TYPE_ORDER[a.ref.type] - TYPE_ORDER[b.ref.type] || compare(a.key, b.key)
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
