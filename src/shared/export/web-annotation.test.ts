import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTarget } from '../anchoring'
import type { Annotation, NotebookData, Source } from '../model'
import { SCHEMA_VERSION } from '../model'
import { buildAnnotationCollection, buildAnnotationCollectionJson } from './web-annotation'
import type { WebAnnotation, WebTextPositionSelector, WebTextQuoteSelector } from './web-annotation'
import type { MustsSuite } from './web-annotation-suite.test-support'
import { loadMustsSuite } from './web-annotation-suite.test-support'

// The shared corpus sits beside the repository (../shared/corpus); CORPUS_DIR points elsewhere.
const CORPUS_DIR =
  process.env['CORPUS_DIR'] ?? fileURLToPath(new URL('../../../../shared/corpus', import.meta.url))
const SUITE_DIR = join(CORPUS_DIR, 'annotation-model')
const hasSuite = existsSync(join(SUITE_DIR, 'annotations', 'annotationMusts.test'))
if (!hasSuite) {
  console.warn(`web-annotation.test: W3C checks skipped, no suite at ${SUITE_DIR} (set CORPUS_DIR)`)
}

const SAMPLE_DIR = new URL('../../../resources/sample/', import.meta.url)
const seed = (file: string): string => readFileSync(new URL(file, SAMPLE_DIR), 'utf8')
const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')
const niUri = (text: string): string =>
  `ni:///sha-256;${createHash('sha256').update(text, 'utf8').digest('base64url')}`
const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

const GENERATED = '2024-10-25T09:30:00.000Z'
const BASE_ID = `urn:uuid:${uuid(999)}`
// Astral characters before and inside a quote make code points and UTF-16 units disagree.
const ASTRAL = '\n𝐀 test 😀 of offsets: the 𝐁 line after the emoji.'

const TEXTS = {
  ap: seed('000_0fc4dfd4ef4d2d56.txt'),
  seoul: seed('001_83e5dde8b94cbfda.txt'),
  pentagon: seed('002_a4871556e040079a.txt'),
  cbs: seed('003_b43ba051ed14bbce.txt'),
  claims: seed('004_a4fe718e7c600af5.txt') + ASTRAL,
}
type SourceKey = keyof typeof TEXTS
const sourceId = (key: SourceKey): string => uuid(Object.keys(TEXTS).indexOf(key) + 1)

function source(key: SourceKey, overrides: Partial<Source> = {}): Source {
  const text = TEXTS[key]
  return {
    id: sourceId(key),
    title: key,
    outlet: '',
    author: '',
    published: '',
    url: '',
    imported: '2024-10-24T08:00:00.000Z',
    originalFileName: `${key}.txt`,
    format: 'txt',
    retrieved: '',
    pages: 0,
    nearDuplicates: [],
    originalSha256: sha256(text),
    textSha256: sha256(text),
    textLength: text.length,
    ...overrides,
  }
}

/** An annotation over the `nth` occurrence of `exact`, with real context, as the app would store it. */
function annotation(n: number, key: SourceKey, exact: string, extra: Partial<Annotation> = {}): Annotation {
  const text = TEXTS[key]
  const start = text.indexOf(exact)
  if (start < 0) throw new Error(`fixture quote not in ${key}: ${exact}`)
  return {
    id: uuid(100 + n),
    sourceId: sourceId(key),
    kind: 'note',
    target: createTarget(text, start, start + exact.length),
    comment: '',
    tagIds: [],
    created: '2024-10-24T10:00:00.000Z',
    modified: '2024-10-24T11:00:00.000Z',
    ...extra,
  }
}

const TAG = { numbers: uuid(201), conflict: uuid(202), single: uuid(203) }

/** The seed notebook of resources/sample/sample.json, plus notes and claims that cover every mapping. */
function seedNotebook(): NotebookData {
  const annotations = [
    annotation(1, 'pentagon', 'North Korea moved at least 3,000 soldiers into eastern Russia', {
      kind: 'claim',
      comment: 'The White House puts the deployment at about 3,000 soldiers (John Kirby).',
      tagIds: [TAG.numbers],
    }),
    annotation(2, 'ap', '12,000 troops, including special forces', {
      kind: 'claim',
      comment: 'South Korean intelligence reportedly puts the total at 12,000, four times the U.S. figure.',
      tagIds: [TAG.numbers, TAG.conflict, 'deleted-tag'],
    }),
    annotation(3, 'claims', 'denied these claims', {
      comment: 'Only this report says the claims were denied: check who denied them.',
      tagIds: [TAG.single],
    }),
    annotation(4, 'seoul', 'around 3,000 North Korean soldiers are in Russia', { kind: 'claim' }),
    annotation(5, 'cbs', 'seeing evidence that there are North Korean troops in Russia'),
    annotation(6, 'cbs', 'Lloyd Austin', { tagIds: [TAG.conflict] }),
    annotation(7, 'claims', '𝐀 test 😀', { comment: 'Starts on an astral character.' }),
    annotation(8, 'claims', 'the 𝐁 line after the emoji', { kind: 'claim', tagIds: [TAG.single] }),
  ]
  return {
    schemaVersion: SCHEMA_VERSION,
    meta: { id: uuid(999), name: 'Sample: North Korean troops in Russia', created: GENERATED },
    sources: [
      source('ap'),
      source('seoul', {
        url: 'https://example.org/news/troops-ü?id=1|2',
        retrieved: '2024-10-23T07:15:00.000Z',
        format: 'html',
      }),
      source('pentagon', { url: 'https://example.com/pentagon' }),
      source('cbs', { url: 'file:///home/analyst/cbs.html' }),
      source('claims'),
    ],
    annotations,
    tags: [
      { id: TAG.numbers, name: 'troop numbers' },
      { id: TAG.conflict, name: 'conflict' },
      { id: TAG.single, name: 'single source' },
    ],
    briefs: [],
    claims: [
      {
        id: uuid(301),
        statement: 'North Korea has about 3,000 troops in Russia',
        links: [
          { annotationId: uuid(101), stance: 'supports', attributedTo: 'John Kirby, White House' },
          { annotationId: uuid(102), stance: 'contradicts', attributedTo: 'South Korean intelligence' },
          { annotationId: uuid(104), stance: 'supports', attributedTo: '' },
        ],
        credibility: null,
        tagIds: [],
        created: GENERATED,
        modified: GENERATED,
      },
    ],
  }
}

const textsOf = (notebook: NotebookData): Map<string, string> =>
  new Map(notebook.sources.map((s) => [s.id, TEXTS[s.title as SourceKey]]))
const exportOf = (notebook: NotebookData, texts: ReadonlyMap<string, string | null> = textsOf(notebook)) =>
  buildAnnotationCollection(notebook, { generated: GENERATED, baseId: BASE_ID, texts })
const itemsOf = (notebook: NotebookData, texts?: ReadonlyMap<string, string | null>): WebAnnotation[] =>
  exportOf(notebook, texts).first?.items ?? []
const quoteOf = (item: WebAnnotation) =>
  item.target.selector.find((s): s is WebTextQuoteSelector => s.type === 'TextQuoteSelector')
const positionOf = (item: WebAnnotation) =>
  item.target.selector.find((s): s is WebTextPositionSelector => s.type === 'TextPositionSelector')
const purposes = (item: WebAnnotation) => (item.body ?? []).map((b) => `${b.purpose}:${b.value}`)

describe('buildAnnotationCollection', () => {
  const notebook = seedNotebook()
  const collection = exportOf(notebook)
  const items = collection.first?.items ?? []

  it('is one collection with every annotation on one embedded page', () => {
    expect(collection).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: BASE_ID,
      type: 'AnnotationCollection',
      label: 'Sample: North Korean troops in Russia',
      total: 8,
      last: `${BASE_ID}#page1`,
    })
    expect(collection.first).toMatchObject({
      id: `${BASE_ID}#page1`,
      type: 'AnnotationPage',
      partOf: BASE_ID,
      startIndex: 0,
    })
    expect(items.map((item) => item.id)).toEqual(notebook.annotations.map((a) => `urn:uuid:${a.id}`))
    for (const item of items) {
      expect(item).toMatchObject({ type: 'Annotation', generated: GENERATED, created: expect.any(String) })
    }
  })

  it('leads with the comment, classifies claims, cites claim stances and tags', () => {
    const [kirby, seoulIntel, denied, seoulClaim, evidence, austin, astral] = items
    expect(kirby?.motivation).toBe('commenting')
    expect(purposes(kirby!)).toEqual([
      'commenting:The White House puts the deployment at about 3,000 soldiers (John Kirby).',
      'classifying:claim',
      'assessing:Supports: North Korea has about 3,000 troops in Russia (attributed to John Kirby, White House)',
      'tagging:troop numbers',
    ])
    // The tag id that names no tag is left out.
    expect(purposes(seoulIntel!).filter((p) => p.startsWith('tagging'))).toEqual([
      'tagging:troop numbers',
      'tagging:conflict',
    ])
    expect(denied?.motivation).toBe('commenting')
    expect(seoulClaim?.motivation).toBe('classifying')
    expect(purposes(seoulClaim!)).toContain(
      'assessing:Supports: North Korea has about 3,000 troops in Russia',
    )
    expect(evidence?.motivation).toBe('highlighting')
    expect(evidence?.body).toBeUndefined()
    expect(austin?.motivation).toBe('tagging')
    expect(astral?.body?.[0]).toEqual({
      type: 'TextualBody',
      value: 'Starts on an astral character.',
      format: 'text/plain',
      purpose: 'commenting',
    })
  })

  it('targets a web source by its address as a URI, and any other by the hash of its text', () => {
    const bySource = (key: SourceKey) =>
      items.find((item, i) => notebook.annotations[i]?.sourceId === sourceId(key))
    expect(bySource('seoul')?.target).toMatchObject({
      source: 'https://example.org/news/troops-%C3%BC?id=1%7C2',
      state: { type: 'TimeState', sourceDate: '2024-10-23T07:15:00.000Z' },
    })
    // Never fetched by the app, so no TimeState; a file: address is not a web source.
    expect(bySource('pentagon')?.target.source).toBe('https://example.com/pentagon')
    expect(bySource('pentagon')?.target.state).toBeUndefined()
    expect(bySource('cbs')?.target.source).toBe(niUri(TEXTS.cbs))
    expect(bySource('ap')?.target.source).toBe(niUri(TEXTS.ap))
  })

  it('writes positions in code points that select exactly the quote', () => {
    for (const [i, item] of items.entries()) {
      const stored = notebook.annotations[i]!
      const characters = Array.from(
        TEXTS[notebook.sources.find((s) => s.id === stored.sourceId)!.title as SourceKey],
      )
      const position = positionOf(item)!
      expect(characters.slice(position.start, position.end).join('')).toBe(quoteOf(item)?.exact)
      expect(quoteOf(item)).toEqual({ ...stored.target.quote })
    }
    // '𝐀 test 😀' is 8 code points but 10 UTF-16 units, so what follows it starts 2 code points early.
    const [astral, after] = [positionOf(items[6]!)!, positionOf(items[7]!)!]
    expect(astral.end - astral.start).toBe(8)
    expect(notebook.annotations[7]!.target.position.start - after.start).toBe(2)
  })

  it('serialises with a fixed key order, two-space indents and a final newline', () => {
    const json = buildAnnotationCollectionJson(notebook, {
      generated: GENERATED,
      baseId: BASE_ID,
      texts: textsOf(notebook),
    })
    expect(json).toBe(`${JSON.stringify(collection, null, 2)}\n`)
    expect(json).toBe(
      buildAnnotationCollectionJson(seedNotebook(), {
        generated: GENERATED,
        baseId: BASE_ID,
        texts: textsOf(notebook),
      }),
    )
    expect(Object.keys(JSON.parse(json) as object)).toEqual([
      '@context',
      'id',
      'type',
      'label',
      'total',
      'first',
      'last',
    ])
    expect(Object.keys(items[0]!)).toEqual([
      '@context',
      'id',
      'type',
      'motivation',
      'created',
      'modified',
      'generated',
      'body',
      'target',
    ])
  })
})

describe('buildAnnotationCollection edge cases', () => {
  const one = (extra: Partial<Annotation>, texts?: ReadonlyMap<string, string | null>) => {
    const notebook = seedNotebook()
    notebook.annotations = [{ ...notebook.annotations[6]!, ...extra }]
    return itemsOf(notebook, texts)[0]!
  }
  const astralTarget = seedNotebook().annotations[6]!.target

  it('names an annotation whose id is not a UUID under the collection id', () => {
    expect(one({ id: 'legacy id/7' }).id).toBe(`${BASE_ID}#annotation-legacy%20id%2F7`)
  })

  it('re-anchors a moved quote, and leaves out the position of a quote no longer in the text', () => {
    const moved = { ...astralTarget, position: { type: 'TextPositionSelector' as const, start: 0, end: 11 } }
    expect(positionOf(one({ target: moved }))).toEqual(positionOf(one({})))
    const gone = { ...astralTarget, quote: { ...astralTarget.quote, exact: 'words this text never had' } }
    expect(positionOf(one({ target: gone }))).toBeUndefined()
    expect(positionOf(one({}, new Map()))).toBeUndefined()
  })

  it('drops timestamps without a timezone or with an impossible date', () => {
    const item = one({ created: '2024-10-24T10:00:00', modified: '2024-02-30T10:00:00Z' })
    expect(item.created).toBeUndefined()
    expect(item.modified).toBeUndefined()
  })

  it('has no first page when there are no annotations', () => {
    const empty = exportOf({ ...seedNotebook(), annotations: [] })
    expect(empty).toMatchObject({ total: 0 })
    expect(empty.first).toBeUndefined()
  })

  it('refuses a base id that is not an absolute URI, and a generated time that is not RFC 3339', () => {
    const notebook = seedNotebook()
    expect(() =>
      buildAnnotationCollection(notebook, { generated: GENERATED, baseId: 'notebook 1', texts: new Map() }),
    ).toThrow(RangeError)
    expect(() =>
      buildAnnotationCollection(notebook, { generated: 'today', baseId: BASE_ID, texts: new Map() }),
    ).toThrow(RangeError)
  })
})

describe.skipIf(!hasSuite)('the export against the W3C annotation-model MUST checks', () => {
  let suite: MustsSuite
  beforeAll(() => {
    const definitions = readdirSync(join(SUITE_DIR, 'definitions')).map((name) => `definitions/${name}`)
    suite = loadMustsSuite((path) => readFileSync(join(SUITE_DIR, path), 'utf8'), definitions)
  })

  it('passes every annotation MUST for every exported annotation', () => {
    const notebook = seedNotebook()
    // Ids that are not UUIDs, no texts (so no positions), and one source the notebook lost.
    const odd = seedNotebook().annotations.map((a, i) => ({
      ...a,
      id: `legacy ${a.id}`,
      comment: '',
      sourceId: i === 0 ? 'lost source' : a.sourceId,
    }))
    const items = [...itemsOf(notebook), ...itemsOf({ ...notebook, annotations: odd }, new Map())]
    const failures = items.flatMap((item) =>
      suite.failures(item, 'annotation').map((path) => `${item.id}: ${path}`),
    )
    console.info(
      `web-annotation: ${items.length} exported annotations x ${suite.sizes.annotation} MUST assertions`,
    )
    expect(failures).toEqual([])
  })

  it('passes the collection and page MUSTs', () => {
    const collection = exportOf(seedNotebook())
    expect(suite.failures(collection, 'collection')).toEqual([])
    // The page checks take a collection with an embedded page, as the suite's instructions allow.
    expect(suite.failures(collection, 'page')).toEqual([])
    expect(suite.failures(exportOf({ ...seedNotebook(), annotations: [] }), 'collection')).toEqual([])
  })
})
