/**
 * Notebook search: index build time and query latency for a 1,000-source notebook with ~5,000
 * annotations, beside a plain case-insensitive substring scan of the same texts in the same run.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Annotation, Claim, Reliability, Stance, Tag } from '../src/shared/model'
import { NotebookSearch, type SearchInput, type SearchSource } from '../src/shared/search'
import { corpusPath } from './corpus'
import { median, percentile, row, timeMs } from './stats'
import { seededRandom } from '../src/shared/testing/seeded-random'

const SOURCES = 1000
const ANNOTATIONS_PER_SOURCE = 5
const CLAIMS = 500
const RUNS_PER_QUERY = 15

const QUERIES = [
  'russia',
  'pyongyang',
  'troops ukraine',
  'north korea russia',
  'lloyd austin',
  'intelligence',
  'president obama',
  'football',
  'Kirb',
  'deplo',
  'milit',
  'Norw',
  'Pyongyag',
  'inteligence',
  '"3,000 soldiers"',
  '"north korean troops"',
  '"the white house"',
  '3,000',
  '12,000',
  'evidence claims',
]

function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/(p|div|h[1-6]|li|blockquote|pre|tr)>|<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*/g, '\n')
    .trim()
}

function seedTexts(): string[] {
  const samples = fileURLToPath(new URL('../resources/sample/', import.meta.url))
  const seeds = readdirSync(samples)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(join(samples, name), 'utf8'))
  const html = corpusPath('html')
  const pages = html
    ? readdirSync(html, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => corpusPath('html', entry.name, 'expected.html'))
        .filter((path) => path !== null)
        .sort()
        .map((path) => htmlToText(readFileSync(path, 'utf8')))
    : []
  const norwich = corpusPath('txt', 'norwich-city.txt')
  return [...seeds, ...pages, ...(norwich ? [readFileSync(norwich, 'utf8')] : [])].filter(
    (text) => text.length > 0,
  )
}

function buildNotebook(texts: string[]): SearchInput {
  const next = seededRandom(42)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  const grades: Array<Reliability | null> = ['A', 'B', 'C', 'D', 'E', 'F', null]
  const sources: SearchSource[] = Array.from({ length: SOURCES }, (_, i) => {
    const text = texts[i % texts.length]!
    const firstLine = text.slice(0, text.indexOf('\n') >>> 0).slice(0, 120)
    return {
      id: `s${i}`,
      title: `${firstLine} (${i})`,
      outlet: `Outlet ${i % 37}`,
      author: '',
      reliability: pick(grades),
      text,
    }
  })
  const tags: Tag[] = Array.from({ length: 30 }, (_, i) => ({
    id: `t${i}`,
    name: `${pick(['troop', 'casualty', 'timeline', 'attribution', 'weapons', 'economy'])} ${i}`,
    parentId: i >= 6 ? `t${i % 6}` : null,
  }))
  const comments = [
    'Check this figure against the wire copy.',
    'Contradicts the official statement from the ministry.',
    'Single source; unverified.',
    'Attributed to unnamed intelligence officials.',
    'The date here differs from the other reports.',
  ]
  const annotations: Annotation[] = []
  for (const source of sources)
    for (let k = 0; k < ANNOTATIONS_PER_SOURCE; k++) {
      const from = source.text.indexOf(' ', Math.floor(next() * Math.max(1, source.text.length - 200))) + 1
      const end = Math.min(source.text.length, from + 40 + Math.floor(next() * 120))
      const exact = source.text.slice(from, end) || source.text.slice(0, 1)
      annotations.push({
        id: `a${annotations.length}`,
        sourceId: source.id,
        kind: next() < 0.6 ? 'claim' : 'note',
        target: {
          quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
          position: { type: 'TextPositionSelector', start: from, end: from + exact.length },
        },
        comment: pick(comments),
        tagIds: [pick(tags).id],
        created: '2024-10-24T10:00:00Z',
        modified: '2024-10-24T10:00:00Z',
      })
    }
  const stances: Stance[] = ['supports', 'contradicts', 'mentions']
  const claims: Claim[] = Array.from({ length: CLAIMS }, (_, i) => ({
    id: `c${i}`,
    statement: `${pick(['North Korea sent', 'Officials confirmed', 'Reports dispute', 'Analysts estimate'])} item ${i}`,
    links: [0, 1].map(() => ({
      annotationId: pick(annotations).id,
      stance: pick(stances),
      attributedTo: '',
    })),
    credibility: pick([1, 2, 3, 4, 5, 6, null] as const),
    tagIds: [pick(tags).id],
    created: '2024-10-25T10:00:00Z',
    modified: '2024-10-25T10:00:00Z',
  }))
  return { sources, annotations, tags, claims }
}

export async function benchSearch(): Promise<void> {
  const texts = seedTexts()
  const notebook = buildNotebook(texts)
  const totalChars = notebook.sources.reduce((sum, source) => sum + source.text.length, 0)

  const search = new NotebookSearch()
  const [, buildMs] = await timeMs(() => search.sync(notebook))
  // An analyst's edit: one annotation's comment, then a sync of the whole notebook.
  const edited = { ...notebook, annotations: [...notebook.annotations] }
  edited.annotations[0] = { ...edited.annotations[0]!, comment: 'Edited while reading.' }
  const [report, editMs] = await timeMs(() => search.sync(edited))

  // The baseline: every searchable text lowercased once up front, then scanned per query.
  const [haystack, lowercaseMs] = await timeMs(() =>
    [
      ...notebook.sources.map((s) => s.text),
      ...edited.annotations.map((a) => `${a.target.quote.exact}\n${a.comment}`),
      ...notebook.claims.map((c) => c.statement),
    ].map((text) => text.toLowerCase()),
  )
  const scan = (query: string) => {
    const needle = query.replaceAll('"', '').toLowerCase()
    return haystack.filter((text) => text.includes(needle)).length
  }

  const widths = [24, 7, 8, 8, 7, 8, 8]
  console.log(
    `\nsearch: ${SOURCES} sources (${texts.length} distinct texts, ${(totalChars / 1e6).toFixed(1)} M chars), ` +
      `${edited.annotations.length} annotations, ${CLAIMS} claims → ${search.documentCount} index documents`,
  )
  console.log(
    `index build ${buildMs.toFixed(0)} ms; sync after one edit ${editMs.toFixed(1)} ms (updated ${report.updated})`,
  )
  console.log(`baseline: lowercasing every text once ${lowercaseMs.toFixed(0)} ms`)
  console.log(row(['query, ms', 'hits', 'median', 'p95', 'found', 'scan med', 'scan p95'], widths))
  const allIndex: number[] = []
  const allScan: number[] = []
  for (const query of QUERIES) {
    // Warm-up, so the first run does not carry the JIT.
    search.search(query)
    scan(query)
    const indexTimes: number[] = []
    const scanTimes: number[] = []
    let hits = 0
    let found = 0
    for (let run = 0; run < RUNS_PER_QUERY; run++) {
      const [indexHits, indexMs] = await timeMs(() => search.search(query))
      const [scanHits, scanMs] = await timeMs(() => scan(query))
      ;[hits, found] = [indexHits.length, scanHits]
      indexTimes.push(indexMs)
      scanTimes.push(scanMs)
    }
    allIndex.push(...indexTimes)
    allScan.push(...scanTimes)
    const cells = [median(indexTimes), percentile(indexTimes, 95), String(found), median(scanTimes)]
    console.log(row([query, String(hits), ...cells, percentile(scanTimes, 95)], widths))
  }
  const overall = [median(allIndex), percentile(allIndex, 95), '', median(allScan), percentile(allScan, 95)]
  console.log(row(['all queries', '', ...overall], widths))
  console.log(
    'hits: index hits returned (limit 50, ranked, with snippets; words ANDed, prefix, typos); ' +
      'found: texts containing the query as one substring',
  )
}
