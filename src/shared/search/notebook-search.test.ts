import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Annotation, Claim, Reliability, Tag } from '../model'
import { NotebookSearch, type SearchHit, type SearchInput, type SearchSource } from './index'

const SAMPLE_DIR = join(import.meta.dirname, '..', '..', '..', 'resources', 'sample')
const GRADES: Array<Reliability | null> = ['A', 'B', 'B', 'C', null]

const sources: SearchSource[] = readdirSync(SAMPLE_DIR)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name, i) => {
    const text = readFileSync(join(SAMPLE_DIR, name), 'utf8')
    return {
      id: `s${i}`,
      title: text.slice(0, text.indexOf('\n')),
      outlet: '',
      author: '',
      reliability: GRADES[i],
      text,
    }
  })
const textOf = (sourceId: string) => sources.find((source) => source.id === sourceId)!.text

const tags: Tag[] = [
  { id: 't-numbers', name: 'troop numbers' },
  { id: 't-estimates', name: 'intelligence estimates', parentId: 't-numbers' },
  { id: 't-conflict', name: 'conflict' },
  { id: 't-single', name: 'single source' },
]

function annotation(
  id: string,
  sourceId: string,
  quote: string,
  kind: Annotation['kind'],
  comment: string,
  tagIds: string[],
): Annotation {
  const start = textOf(sourceId).indexOf(quote)
  if (start < 0) throw new Error(`quote not in ${sourceId}: ${quote}`)
  return {
    id,
    sourceId,
    kind,
    target: {
      quote: { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start, end: start + quote.length },
    },
    comment,
    tagIds,
    created: '2024-10-24T10:00:00Z',
    modified: '2024-10-24T10:00:00Z',
  }
}

const annotations: Annotation[] = [
  annotation(
    'a1',
    's2',
    'North Korea moved at least 3,000 soldiers into eastern Russia',
    'claim',
    'The White House puts the deployment at about 3,000 soldiers (John Kirby).',
    ['t-numbers'],
  ),
  annotation(
    'a2',
    's0',
    '12,000 troops, including special forces',
    'claim',
    'South Korean intelligence puts the deployment at 12,000, four times the U.S. figure.',
    ['t-estimates', 't-conflict'],
  ),
  annotation('a3', 's4', 'denied these claims', 'note', 'Only this report says the deployment was denied.', [
    't-single',
  ]),
  annotation(
    'a4',
    's1',
    'receiving training on drones and military equipment',
    'note',
    'Training on drones before deployment to the front.',
    ['t-estimates'],
  ),
]

function claim(
  id: string,
  statement: string,
  links: Claim['links'],
  credibility: Claim['credibility'],
): Claim {
  const when = '2024-10-25T10:00:00Z'
  return { id, statement, links, credibility, tagIds: [], created: when, modified: when }
}

const claims: Claim[] = [
  {
    ...claim(
      'c1',
      'The deployment numbered about 3,000 North Korean soldiers in October 2024.',
      [
        { annotationId: 'a1', stance: 'supports', attributedTo: 'John Kirby, White House' },
        { annotationId: 'a2', stance: 'contradicts', attributedTo: '' },
      ],
      2,
    ),
    tagIds: ['t-numbers'],
  },
  claim(
    'c2',
    'Russia and North Korea denied the deployment.',
    [{ annotationId: 'a3', stance: 'mentions', attributedTo: '' }],
    4,
  ),
]

const input: SearchInput = { sources, annotations, tags, claims }

function indexed(data: SearchInput = input): NotebookSearch {
  const search = new NotebookSearch()
  search.sync(data)
  return search
}

/** Hits as "type:id", sources by source id (a source may hit in several chunks). */
function keys(hits: SearchHit[]): string[] {
  const found = hits.map((hit) =>
    hit.type === 'source' ? `source:${hit.sourceId}` : `${hit.type}:${hit.id}`,
  )
  return [...new Set(found)].sort()
}

const sourceIdsOf = (hits: SearchHit[]) =>
  [...new Set(hits.filter((hit) => hit.type === 'source').map((hit) => hit.sourceId))].sort()

describe('NotebookSearch: queries', () => {
  const search = indexed()

  it('finds a quoted phrase and points at it in the source text', () => {
    const hits = search.search('"3,000 soldiers"')
    // Seed 001 says "3,000 North Korean soldiers": every word, but not the phrase.
    expect(sourceIdsOf(hits)).toEqual(['s2'])
    const hit = hits.find((h) => h.type === 'source')!
    expect(textOf('s2').slice(hit.match!.start, hit.match!.end).toLowerCase()).toBe('3,000 soldiers')
    expect(hit.snippet).toContain('3,000 soldiers')
    expect(keys(search.search('"3,000 SOLDIERS"'))).toEqual(keys(hits))
    expect(keys(hits)).toEqual(['annotation:a1', 'source:s2'])
  })

  it('searches the last word as a prefix while it is typed', () => {
    const hits = search.search('Kirb', { types: ['source'] })
    expect(sourceIdsOf(hits)).toEqual(['s2', 's4'])
    for (const hit of hits)
      expect(textOf(hit.sourceId!).slice(hit.match!.start, hit.match!.end)).toBe('Kirby')
    // A finished word (followed by a space) is a whole word, and "Vladiv" is no typo of "Vladivostok".
    expect(sourceIdsOf(search.search('Vladiv'))).toEqual(['s2', 's4'])
    expect(search.search('Vladiv ')).toEqual([])
  })

  it('forgives a typo in a longer word', () => {
    const hits = search.search('Pyongyag')
    expect(sourceIdsOf(hits)).toEqual(['s0', 's1', 's3'])
    for (const hit of hits)
      expect(textOf(hit.sourceId!).slice(hit.match!.start, hit.match!.end)).toMatch(/^Pyongyang/)
  })

  it('keeps numbers whole and finds "3,000" typed with or without the comma', () => {
    const withComma = search.search('3,000', { types: ['source'] })
    expect(sourceIdsOf(withComma)).toEqual(['s1', 's2', 's3', 's4'])
    expect(search.search('3000', { types: ['source'] })).toEqual(withComma)
    // "12,000" is neither "12" nor "000" nor, as numbers take no typos, "10,000" or "13,000".
    expect(sourceIdsOf(search.search('12,000', { types: ['source'] }))).toEqual(['s0'])
  })

  it('ANDs words, across title and text', () => {
    expect(sourceIdsOf(search.search('Kirby Vladivostok ship'))).toEqual(['s2', 's4'])
    expect(search.search('Kirby Seoul', { types: ['source'] })).toEqual([])
  })

  it('returns nothing for a blank or wordless query', () => {
    for (const query of ['', '   ', '\n', '""', '!?'] as const) expect(search.search(query)).toEqual([])
  })

  it('gives annotations their anchored position and a snippet around the match', () => {
    const [hit] = search.search('front drones', { types: ['annotation'] })
    expect(hit).toMatchObject({ type: 'annotation', id: 'a4', sourceId: 's1', title: sources[1]!.title })
    expect(textOf('s1').slice(hit!.match!.start, hit!.match!.end)).toBe(annotations[3]!.target.quote.exact)
    expect(hit!.snippet).toContain('drones')
  })

  it('sorts by score, honours the limit, and keeps snippets short', () => {
    const hits = search.search('korea')
    expect(hits.length).toBeGreaterThan(10)
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score)
    for (const hit of hits) expect(hit.snippet.length).toBeLessThanOrEqual(162)
    expect(search.search('korea', undefined, 3)).toEqual(hits.slice(0, 3))
  })

  it('is deterministic: two indexes of the same input answer alike', () => {
    const other = indexed({
      ...input,
      annotations: [...annotations].reverse(),
      claims: [...claims].reverse(),
    })
    for (const query of ['korea', 'troops russia', 'deploy', '"north korean"'])
      expect(other.search(query)).toEqual(search.search(query))
  })
})

describe('NotebookSearch: filters', () => {
  const search = indexed()
  const deployment = (filters: Parameters<NotebookSearch['search']>[1]) =>
    keys(search.search('deployment', filters))

  it('finds every type unfiltered', () => {
    expect(deployment(undefined)).toEqual([
      ...['annotation:a1', 'annotation:a2', 'annotation:a3', 'annotation:a4'],
      ...['claim:c1', 'claim:c2', 'source:s2', 'source:s3', 'source:s4'],
    ])
  })
  it('by type', () =>
    expect(deployment({ types: ['claim', 'source'] })).toEqual([
      'claim:c1',
      'claim:c2',
      'source:s2',
      'source:s3',
      'source:s4',
    ]))
  it('by tag, with the tags nested under it', () => {
    expect(deployment({ tagIds: ['t-numbers'] })).toEqual([
      'annotation:a1',
      'annotation:a2',
      'annotation:a4',
      'claim:c1',
    ])
    expect(deployment({ tagIds: ['t-estimates'] })).toEqual(['annotation:a2', 'annotation:a4'])
  })
  it('by annotation kind', () =>
    expect(deployment({ kinds: ['note'] })).toEqual(['annotation:a3', 'annotation:a4']))
  it('by source', () =>
    expect(deployment({ sourceIds: ['s2'] })).toEqual(['annotation:a1', 'claim:c1', 'source:s2']))
  it('by stance', () => {
    expect(deployment({ stances: ['contradicts'] })).toEqual(['annotation:a2', 'claim:c1'])
    expect(deployment({ stances: ['mentions'] })).toEqual(['annotation:a3', 'claim:c2'])
  })
  it('by source reliability', () => {
    expect(deployment({ reliability: ['B'] })).toEqual([
      'annotation:a1',
      'annotation:a4',
      'claim:c1',
      'source:s2',
    ])
    expect(deployment({ reliability: ['A'] })).toEqual(['annotation:a2', 'claim:c1'])
  })
  it('by claim credibility', () => expect(deployment({ credibility: [4] })).toEqual(['claim:c2']))
  it('ANDs filters', () =>
    expect(
      deployment({ types: ['annotation'], stances: ['supports', 'mentions'], kinds: ['claim'] }),
    ).toEqual(['annotation:a1']))
})

describe('NotebookSearch: incremental sync', () => {
  it('indexes everything once and nothing the second time', () => {
    const search = new NotebookSearch()
    expect(search.sync(input)).toEqual({ added: 11, updated: 0, removed: 0 })
    expect(search.sync(input)).toEqual({ added: 0, updated: 0, removed: 0 })
    expect(search.sync(structuredClone(input))).toEqual({ added: 0, updated: 0, removed: 0 })
  })

  it('re-indexes only an edited annotation', () => {
    const search = indexed()
    const edited = {
      ...annotations[0]!,
      comment: 'Kirby briefed from the podium.',
      modified: '2024-10-26T09:00:00Z',
    }
    const next = { ...input, annotations: [edited, ...annotations.slice(1)] }
    expect(search.sync(next)).toEqual({ added: 0, updated: 1, removed: 0 })
    expect(keys(search.search('podium'))).toEqual(['annotation:a1'])
    expect(keys(search.search('"white house puts"'))).toEqual([])
  })

  it('forgets a removed annotation and finds an added claim', () => {
    const search = indexed()
    expect(keys(search.search('denied', { types: ['annotation'] }))).toEqual(['annotation:a3'])
    const added = claim('c3', 'Wonsan was the port of embarkation.', [], null)
    const next = {
      ...input,
      annotations: annotations.filter((a) => a.id !== 'a3'),
      claims: [...claims, added],
    }
    expect(search.sync(next)).toEqual({ added: 1, updated: 0, removed: 1 })
    expect(search.search('denied', { types: ['annotation'] })).toEqual([])
    expect(keys(search.search('embarkation'))).toEqual(['claim:c3'])
    // The incrementally updated index answers as a fresh one would.
    for (const query of ['korea', 'deployment', 'Kirb'])
      expect(search.search(query)).toEqual(indexed(next).search(query))
  })

  it('re-indexes a source whose text changed, even at the same length', () => {
    const search = indexed()
    const text = textOf('s4').replace('Vladivostok', 'Vladikavkaz')
    const next = { ...input, sources: sources.map((s) => (s.id === 's4' ? { ...s, text } : s)) }
    expect(search.sync(next)).toEqual({ added: 0, updated: 1, removed: 0 })
    expect(sourceIdsOf(search.search('Vladikavkaz'))).toEqual(['s4'])
    expect(sourceIdsOf(search.search('Vladivostok'))).toEqual(['s2'])
  })

  it('finds a source with a blank text by its title', () => {
    const blank: SearchSource = {
      id: 's9',
      title: 'Satellite imagery of Wonsan port',
      outlet: '',
      author: '',
      text: '',
    }
    const search = indexed({ ...input, sources: [...sources, blank] })
    expect(search.search('satellite')).toMatchObject([
      { type: 'source', id: 's9#0', sourceId: 's9', snippet: '' },
    ])
    expect(search.search('satellite')[0]!.match).toBeUndefined()
  })

  it('re-indexes what carries a renamed tag, and reads kinds and grades fresh without re-indexing', () => {
    const search = indexed()
    const renamed = tags.map((tag) => (tag.id === 't-single' ? { ...tag, name: 'uncorroborated' } : tag))
    expect(search.sync({ ...input, tags: renamed })).toEqual({ added: 0, updated: 1, removed: 0 })
    expect(keys(search.search('uncorroborated'))).toEqual(['annotation:a3'])

    const asNote = annotations.map((a) => (a.id === 'a1' ? { ...a, kind: 'note' as const } : a))
    const regraded = sources.map((s) => (s.id === 's2' ? { ...s, reliability: 'F' as const } : s))
    expect(search.sync({ ...input, annotations: asNote, sources: regraded })).toEqual({
      added: 0,
      updated: 1, // the tag name change back
      removed: 0,
    })
    expect(keys(search.search('deployment', { kinds: ['note'] }))).toEqual([
      'annotation:a1',
      'annotation:a3',
      'annotation:a4',
    ])
    expect(sourceIdsOf(search.search('deployment', { reliability: ['F'] }))).toEqual(['s2'])
  })
})

describe('NotebookSearch: saved and loaded', () => {
  const queries = ['korea', 'deployment', 'Kirb', '"3,000 soldiers"', 'Pyongyag']

  it('answers alike after a save and a load, re-indexing nothing', () => {
    const search = indexed()
    const loaded = NotebookSearch.load<{ note: string }>(search.save({ note: 'kept' }))!
    expect(loaded.meta).toEqual({ note: 'kept' })
    expect(loaded.search.sync(input)).toEqual({ added: 0, updated: 0, removed: 0 })
    expect(loaded.search.documentCount).toBe(search.documentCount)
    for (const query of queries) expect(loaded.search.search(query)).toEqual(search.search(query))
  })

  it('re-indexes on load only what changed since the save', () => {
    const saved = indexed().save(null)
    const edited = { ...annotations[0]!, comment: 'Kirby briefed from the podium.' }
    const next = { ...input, annotations: [edited, ...annotations.slice(1)], claims: claims.slice(1) }
    const { search } = NotebookSearch.load(saved)!
    expect(search.sync(next)).toEqual({ added: 0, updated: 1, removed: 1 })
    expect(search.counts).toEqual({ added: 1, removed: 2 })
    for (const query of [...queries, 'podium', 'denied'])
      expect(search.search(query)).toEqual(indexed(next).search(query))
  })

  it('refuses bytes that are not a saved index of this version', () => {
    expect(NotebookSearch.load(new TextEncoder().encode('not an index'))).toBeNull()
    const saved = indexed().save(null)
    expect(NotebookSearch.load(saved.subarray(0, saved.length - 64))).toBeNull() // a torn write
    saved[8] = 99 // the format version
    expect(NotebookSearch.load(saved)).toBeNull()
  })
})
