/**
 * Notebooks for the search benchmark: texts from the seed reports and the corpus's article pages
 * (each source's text made unique by its own first line, so every source is its own file, as in a
 * real notebook), five annotations a source and one claim per ten sources, with tags. Written as a
 * notebook folder's texts/ (the search worker reads texts from there) and kept as records in memory.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Reliability, Stance } from '../src/shared/model'
import type { SearchAnnotation, SearchClaim, SearchTag } from '../src/shared/search'
import type { SearchRecords } from '../src/main/core/search/search-records'
import { seededRandom } from '../src/shared/testing/seeded-random'
import { corpusPath } from './corpus'

const ANNOTATIONS_PER_SOURCE = 5

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

/** The seed reports, the corpus's article pages and its long plain-text article (when the corpus is there). */
export function seedTexts(): string[] {
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

export interface BenchNotebook {
  records: SearchRecords
  /** Source id → its text. */
  texts: Map<string, string>
  totalChars: number
}

/** Writes `sources` texts into `dir`/texts and returns the notebook's records. */
export async function writeBenchNotebook(
  dir: string,
  sources: number,
  base = seedTexts(),
): Promise<BenchNotebook> {
  const next = seededRandom(42)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  const grades: Array<Reliability | null> = ['A', 'B', 'C', 'D', 'E', 'F', null]
  await mkdir(join(dir, 'texts'), { recursive: true })
  const records: SearchRecords = { sources: [], annotations: [], claims: [], tags: [] }
  const texts = new Map<string, string>()
  let totalChars = 0
  records.tags = Array.from({ length: 30 }, (_, i): SearchTag => ({
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
  for (let i = 0; i < sources; i++) {
    const body = base[i % base.length]!
    const firstLine = body.slice(0, body.indexOf('\n') >>> 0).slice(0, 120)
    const title = `${firstLine} (${i})`
    const text = `Report ${i}, filed from desk ${i % 53}.\n${body}`
    const sha = createHash('sha256').update(text).digest('hex')
    await writeFile(join(dir, 'texts', `${sha}.txt`), text)
    const id = `s${i}`
    texts.set(id, text)
    totalChars += text.length
    records.sources.push({
      id,
      title,
      outlet: `Outlet ${i % 37}`,
      author: '',
      reliability: pick(grades),
      textSha256: sha,
    })
    for (let k = 0; k < ANNOTATIONS_PER_SOURCE; k++) {
      const from = text.indexOf(' ', Math.floor(next() * Math.max(1, text.length - 200))) + 1
      const end = Math.min(text.length, from + 40 + Math.floor(next() * 120))
      const exact = text.slice(from, end) || text.slice(0, 1)
      records.annotations.push({
        id: `a${records.annotations.length}`,
        sourceId: id,
        kind: next() < 0.6 ? 'claim' : 'note',
        target: { quote: { exact }, position: { start: from, end: from + exact.length } },
        comment: pick(comments),
        tagIds: [pick(records.tags).id],
      } satisfies SearchAnnotation)
    }
  }
  const stances: Stance[] = ['supports', 'contradicts', 'mentions']
  for (let i = 0; i < Math.max(5, Math.floor(sources / 10)); i++)
    records.claims.push({
      id: `c${i}`,
      statement: `${pick(['North Korea sent', 'Officials confirmed', 'Reports dispute', 'Analysts estimate'])} item ${i}`,
      links: [0, 1].map(() => ({
        annotationId: pick(records.annotations).id,
        stance: pick(stances),
        attributedTo: '',
      })),
      credibility: pick([1, 2, 3, 4, 5, 6, null] as const),
      tagIds: [pick(records.tags).id],
    } satisfies SearchClaim)
  return { records, texts, totalChars }
}
