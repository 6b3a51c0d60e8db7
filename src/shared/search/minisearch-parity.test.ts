/**
 * The index replaced MiniSearch (see term-index.ts for why) and must rank as it did: for the same
 * notebook and query, the same documents with the same scores as MiniSearch 7 configured exactly as
 * search used it before, both when built at once and after incremental edits.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import MiniSearch, { type QueryCombination } from 'minisearch'
import { describe, expect, it } from 'vitest'
import { seededRandom } from '../testing/seeded-random'
import { FIELD_BOOST, FIELDS_BY_TYPE, notebookEntities } from './documents'
import { NotebookSearch } from './notebook-search'
import { NotebookState } from './notebook-state'
import { parseQuery, type ParsedQuery } from './query'
import { processTerm, tokenize } from './tokenize'
import type {
  SearchAnnotation,
  SearchClaim,
  SearchDocType,
  SearchInput,
  SearchSource,
  SearchTag,
} from './types'

const ROOT = join(import.meta.dirname, '..', '..', '..')
const CORPUS = process.env['CORPUS_DIR'] ?? join(ROOT, '..', 'shared', 'corpus')

/** The seed reports, and the corpus's article pages when it is there (more words, more typos to find). */
function texts(): string[] {
  const sample = join(ROOT, 'resources', 'sample')
  const seeds = readdirSync(sample)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(join(sample, name), 'utf8'))
  let pages: string[] = []
  try {
    const html = join(CORPUS, 'html')
    pages = readdirSync(html)
      .sort()
      .map((page) => readFileSync(join(html, page, 'expected.html'), 'utf8'))
      .map((page) => page.replace(/<\/(p|div|h\d|li)>/g, '\n').replace(/<[^>]+>/g, ' '))
  } catch {
    // Without the corpus the seeds alone are compared.
  }
  return [...seeds, ...pages]
}

function notebook(): SearchInput {
  const next = seededRandom(11)
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!
  const tags: SearchTag[] = ['troop numbers', 'estimates', 'single source', 'timeline'].map((name, i) => ({
    id: `t${i}`,
    name,
    parentId: i === 1 ? 't0' : null,
  }))
  const sources: SearchSource[] = texts().map((text, i) => ({
    id: `s${i}`,
    title: text.trim().slice(0, 60),
    outlet: pick(['Reuters', 'BBC', '', 'Yonhap']),
    author: pick(['', 'Jane Doe']),
    reliability: null,
    text,
  }))
  const comments = ['Check against the wire copy.', 'Contradicts the ministry.', '', 'Troops numbers differ.']
  const annotations: SearchAnnotation[] = sources.flatMap((source, i) =>
    [0, 1, 2].map((k) => {
      const start = Math.floor(next() * Math.max(1, source.text.length - 120))
      return {
        id: `a${i}-${k}`,
        sourceId: source.id,
        kind: 'claim' as const,
        comment: pick(comments),
        tagIds: [pick(tags).id],
        target: {
          quote: { exact: source.text.slice(start, start + 100) },
          position: { start, end: start + 100 },
        },
      }
    }),
  )
  const claims: SearchClaim[] = ['North Korea sent troops to Russia', 'Kirby said 3,000 soldiers'].map(
    (statement, i) => ({
      id: `c${i}`,
      statement,
      links: [{ annotationId: annotations[i]!.id, stance: 'supports', attributedTo: 'John Kirby' }],
      credibility: null,
      tagIds: [tags[i]!.id],
    }),
  )
  return { sources, annotations, claims, tags }
}

/** Search as it was: one MiniSearch index per type, fed the same documents. */
function miniSearchOf(input: SearchInput): Record<SearchDocType, MiniSearch> {
  const state = new NotebookState()
  state.setTags(input.tags)
  for (const source of input.sources) state.sources.set(source.id, source)
  for (const annotation of input.annotations) state.annotations.set(annotation.id, annotation)
  for (const claim of input.claims) state.setClaim(claim)
  const indexes = Object.fromEntries(
    (Object.keys(FIELDS_BY_TYPE) as SearchDocType[]).map((type) => {
      const fields = [...FIELDS_BY_TYPE[type]]
      const index = new MiniSearch({
        idField: 'key',
        fields,
        storeFields: [],
        tokenize,
        processTerm,
        autoVacuum: false,
        searchOptions: {
          combineWith: 'AND',
          boost: Object.fromEntries(fields.map((field) => [field, FIELD_BOOST[field]])),
        },
      })
      return [type, index]
    }),
  ) as Record<SearchDocType, MiniSearch>
  for (const entity of notebookEntities(state))
    for (const { ref, values } of entity.build()) {
      const key = `${ref.type}:${ref.entityId}${ref.chunk ? `#${ref.chunk.index}` : ''}`
      const fields = FIELDS_BY_TYPE[ref.type]
      indexes[ref.type].add({ key, ...Object.fromEntries(fields.map((field, i) => [field, values[i]])) })
    }
  return indexes
}

/** The query search gave MiniSearch before (query.ts's former miniSearchQuery). */
function miniSearchQuery(parsed: ParsedQuery): QueryCombination | null {
  const queries: QueryCombination[] = parsed.phrases.map((phrase) => {
    const words = tokenize(phrase)
    const longWords = words.filter((word) => word.length >= 4)
    return { queries: [(longWords.length > 0 ? longWords : words).join(' ')], prefix: false, fuzzy: false }
  })
  if (parsed.words.length > 0)
    queries.push({
      queries: [parsed.words.join(' ')],
      prefix: (term, i, terms) => parsed.lastWordIsPrefix && i === terms.length - 1 && term.length >= 2,
      fuzzy: (term) => (term.length >= 4 && !/\d/.test(term) ? 0.2 : false),
    })
  return queries.length > 0 ? { combineWith: 'AND', queries } : null
}

function miniSearchScores(indexes: Record<SearchDocType, MiniSearch>, query: string): Map<string, number> {
  const scores = new Map<string, number>()
  const combined = miniSearchQuery(parseQuery(query))
  if (!combined) return scores
  for (const index of Object.values(indexes))
    for (const result of index.search(combined)) scores.set(String(result.id), result.score)
  return scores
}

const QUERIES = [
  ...['russia', 'pyongyang', 'troops ukraine', 'north korea russia', 'lloyd austin', 'intelligence'],
  ...['president obama', 'Kirb', 'deplo', 'milit', 'Norw', 'Pyongyag', 'inteligence', '"3,000 soldiers"'],
  ...['"north korean troops"', '"the white house"', '3,000', '12,000', 'evidence claims', 'wire copy'],
  ...['troop numbers', 'kyiv', 'don’t', 'Kirby’s', 'the', 'a', 'reuters pyongyang', 'jane', 'estim'],
]

function expectSameScores(ours: Map<string, number>, theirs: Map<string, number>, query: string): void {
  expect([...ours.keys()].sort(), query).toEqual([...theirs.keys()].sort())
  for (const [key, score] of theirs) expect(ours.get(key)! / score, `${query} ${key}`).toBeCloseTo(1, 9)
}

describe('the index ranks as MiniSearch did', { timeout: 60_000 }, () => {
  const input = notebook()
  const reference = miniSearchOf(input)
  const search = new NotebookSearch()
  search.sync(input)

  it('matches the same documents with the same scores', () => {
    let matched = 0
    for (const query of QUERIES) {
      const theirs = miniSearchScores(reference, query)
      expectSameScores(search.scores(query), theirs, query)
      matched += theirs.size
    }
    expect(matched).toBeGreaterThan(100)
  })

  it('still does after edits applied one by one', () => {
    const edited = new NotebookSearch()
    edited.sync(input)
    const annotations = input.annotations.map((a, i) =>
      i % 3 === 0 ? { ...a, comment: `${a.comment} Seen again in Vladivostok.` } : a,
    )
    const retitled = { ...input.sources[1]!, title: 'Satellite imagery of Wonsan port' }
    edited.apply({
      annotations: {
        removed: annotations.filter((_a, i) => i % 3 === 0).map((a) => a.id),
        added: annotations.filter((_a, i) => i % 3 === 0),
      },
    })
    edited.apply({ sources: { removed: [retitled.id, input.sources[2]!.id], added: [retitled] } })
    edited.apply({ tags: input.tags.map((t) => (t.id === 't2' ? { ...t, name: 'uncorroborated' } : t)) })
    const after: SearchInput = {
      ...input,
      annotations,
      sources: input.sources
        .filter((s) => s.id !== input.sources[2]!.id)
        .map((s) => (s.id === retitled.id ? retitled : s)),
      tags: input.tags.map((t) => (t.id === 't2' ? { ...t, name: 'uncorroborated' } : t)),
    }
    const fresh = miniSearchOf(after)
    for (const query of [...QUERIES, 'vladivostok', 'satellite wonsan', 'uncorroborated'])
      expectSameScores(edited.scores(query), miniSearchScores(fresh, query), query)
  })
})
