/**
 * A large notebook for the storage benchmark, written the way today's app stores one (schema
 * version 1: one pretty-printed notebook.json, texts under texts/<sha256>.txt). A store with a
 * newer layout migrates it on first open. Texts are ~5 KB each, stitched from the seed reports'
 * sentences; each source has annotations quoting its text, with comments and tags.
 */
import { createHash, randomUUID } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Annotation, NotebookData, Source, Tag } from '../src/shared/model'
import { seededRandom } from '../src/shared/testing/seeded-random'

export const TEXT_BYTES = 5000

const COMMENTS = [
  'Check this figure against the wire copy.',
  'Contradicts the official statement from the ministry; ask the desk which one ran first.',
  'Single source; unverified.',
  'Attributed to unnamed intelligence officials.',
  'The date here differs from the other reports (Wednesday vs Thursday).',
  '',
]

function seedSentences(): string[] {
  const dir = fileURLToPath(new URL('../resources/sample/', import.meta.url))
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .flatMap((name) => readFileSync(join(dir, name), 'utf8').split(/(?<=[.!?])\s+/))
    .filter((sentence) => sentence.length > 20)
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** The version-1 file: today's data, whatever version the model is at by the time this runs. */
export type V1Notebook = Omit<NotebookData, 'schemaVersion'> & { schemaVersion: 1 }

export interface FixtureSize {
  sources: number
  annotationsPerSource: number
}

/** Writes the notebook into `dir` (notebook.json and texts/); returns the data it wrote. */
export async function writeV1Notebook(dir: string, size: FixtureSize): Promise<V1Notebook> {
  const next = seededRandom(42)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  const sentences = seedSentences()
  const tags: Tag[] = Array.from({ length: 30 }, (_, i) => ({ id: randomUUID(), name: `code ${i}` }))
  const sources: Source[] = []
  const annotations: Annotation[] = []
  await mkdir(join(dir, 'texts'), { recursive: true })
  for (let i = 0; i < size.sources; i++) {
    let text = `Report ${i}: North Korean troops in Russia\n`
    while (text.length < TEXT_BYTES) text += `${pick(sentences)}${next() < 0.2 ? '\n' : ' '}`
    const textSha256 = sha256(text)
    await writeFile(join(dir, 'texts', `${textSha256}.txt`), text)
    const source: Source = {
      id: randomUUID(),
      title: `Report ${i}: North Korean troops in Russia`,
      outlet: `Outlet ${i % 97}`,
      author: '',
      published: '2024-10-23',
      url: `https://example.com/news/${i}`,
      imported: '2026-01-01T00:00:00.000Z',
      retrieved: '',
      originalFileName: `report-${i}.txt`,
      format: 'txt',
      originalSha256: textSha256,
      textSha256,
      textLength: text.length,
      pages: 0,
      nearDuplicates: [],
    }
    sources.push(source)
    for (let k = 0; k < size.annotationsPerSource; k++) {
      const start = text.indexOf(' ', Math.floor(next() * (text.length - 200))) + 1
      const end = start + 40 + Math.floor(next() * 120)
      annotations.push({
        id: randomUUID(),
        sourceId: source.id,
        kind: next() < 0.6 ? 'claim' : 'note',
        target: {
          quote: {
            type: 'TextQuoteSelector',
            exact: text.slice(start, end),
            prefix: text.slice(Math.max(0, start - 32), start),
            suffix: text.slice(end, end + 32),
          },
          position: { type: 'TextPositionSelector', start, end },
        },
        comment: pick(COMMENTS),
        tagIds: next() < 0.5 ? [pick(tags).id] : [pick(tags).id, pick(tags).id],
        created: '2026-01-02T10:00:00.000Z',
        modified: '2026-01-02T10:00:00.000Z',
      })
    }
  }
  const data: V1Notebook = {
    schemaVersion: 1,
    meta: {
      id: randomUUID(),
      name: `Benchmark: ${size.sources} sources`,
      created: '2026-01-01T00:00:00.000Z',
    },
    sources,
    annotations,
    tags,
    claims: [],
    briefs: [],
  }
  // As lowdb and today's store write it: pretty JSON and a final newline.
  await writeFile(join(dir, 'notebook.json'), `${JSON.stringify(data, null, 2)}\n`)
  return data
}
