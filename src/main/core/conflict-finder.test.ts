/**
 * The conflict finder over a real notebook folder, with the real worker pool: each text is analysed
 * once (at import, or on the first run for a text without a stored analysis), the analyses are read
 * back when the notebook is opened again, an analysis from another extractor version is made again,
 * and what it finds is what the whole finder finds over the texts.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { findConflicts } from '../../shared/analysis/conflicts'
import { findConflictsIn } from './conflict-finder'
import { withSuggestions } from './conflict-report'
import { ExtractorPool } from './import/extractor-pool'
import { Importer } from './import/importer'
import type { NotebookStore } from './notebook-store'
import { SAMPLE_FILES } from './sample-notebook'
import { analysisPath } from './storage/analysis-blobs'
import { useTempNotebooks } from './testing/temp-notebooks'
import type { TextAnalysis } from '../../shared/analysis/types'

const SAMPLE_DIR = fileURLToPath(new URL('../../../resources/sample/', import.meta.url))
// The worker runs from TypeScript through tsx here: its first task waits for it to load.
const SLOW = { timeout: 10 * 60_000 }

/** The real pool, counting the texts it is asked to analyse. */
class CountingPool extends ExtractorPool {
  analysed = 0
  override async analyse(texts: string[], cancel?: AbortSignal): Promise<TextAnalysis[]> {
    this.analysed += texts.length
    return super.analyse(texts, cancel)
  }
}

const pool = new CountingPool()
afterAll(() => pool.close())
const notebooks = useTempNotebooks('conflict-finder')

const seedUploads = () =>
  Promise.all(
    SAMPLE_FILES.map(async (name) => ({
      name,
      bytes: new Uint8Array(await readFile(join(SAMPLE_DIR, name))),
    })),
  )

/** The whole finder over the notebook's texts, read in one go: what the stored analyses must give. */
async function findingsFromTexts(store: NotebookStore) {
  const sources = await Promise.all(
    store.data.sources.map(async (s) => ({
      id: s.id,
      outlet: '',
      title: '',
      text: await store.readText(s.textSha256),
    })),
  )
  return withSuggestions(findConflicts(sources))
}

const storedAnalyses = async (dir: string) =>
  (await readdir(join(dir, 'analysis')).catch(() => [])).filter((name) => name.endsWith('.mentions.json'))

describe('findConflictsIn', () => {
  it(
    'analyses each text once, at import, and reads the analyses back when the notebook opens again',
    SLOW,
    async () => {
      const store = await notebooks.open()
      const start = pool.analysed
      await new Importer(pool, undefined, { analyseTexts: true }).importFiles(store, await seedUploads())
      expect(pool.analysed - start).toBe(5)
      expect(await storedAnalyses(notebooks.dir)).toHaveLength(5)

      const first = await findConflictsIn(store, pool)
      expect(pool.analysed - start).toBe(5)
      expect(first).toEqual(await findingsFromTexts(store))
      expect(first.groups.find((g) => g.topic === 'troops')?.conflicting).toBe(true)

      await store.close()
      const reopened = await notebooks.open()
      expect(await findConflictsIn(reopened, pool)).toEqual(first)
      expect(pool.analysed - start).toBe(5)
    },
  )

  it('analyses texts without a stored analysis on its first run, and stores them', SLOW, async () => {
    const store = await notebooks.open()
    // As the sample notebook and notebooks from before stored analyses: no analysis at import.
    await new Importer(pool).importFiles(store, await seedUploads())
    expect(await storedAnalyses(notebooks.dir)).toHaveLength(0)
    const start = pool.analysed
    const first = await findConflictsIn(store, pool)
    expect(pool.analysed - start).toBe(5)
    expect(await storedAnalyses(notebooks.dir)).toHaveLength(5)
    expect(first).toEqual(await findingsFromTexts(store))
    // A second run, and a run after reopening, analyse nothing.
    expect(await findConflictsIn(store, pool)).toEqual(first)
    await store.close()
    expect(await findConflictsIn(await notebooks.open(), pool)).toEqual(first)
    expect(pool.analysed - start).toBe(5)
  })

  it(
    'makes an analysis again when another extractor version made it, or the file is damaged',
    SLOW,
    async () => {
      const store = await notebooks.open()
      await new Importer(pool, undefined, { analyseTexts: true }).importFiles(store, await seedUploads())
      const first = await findConflictsIn(store, pool)
      await store.close()
      const [older, damaged] = store.data.sources.map((s) => analysisPath(notebooks.dir, s.textSha256))
      const stored = JSON.parse(await readFile(older!, 'utf8')) as { analysis: TextAnalysis }
      await writeFile(older!, JSON.stringify({ ...stored, analysis: { ...stored.analysis, version: 0 } }))
      await writeFile(damaged!, '{"textSha256": "not json')
      const start = pool.analysed
      expect(await findConflictsIn(await notebooks.open(), pool)).toEqual(first)
      expect(pool.analysed - start).toBe(2)
      const remade = JSON.parse(await readFile(older!, 'utf8')) as { analysis: TextAnalysis }
      expect(remade.analysis).toEqual(stored.analysis)
    },
  )

  it('after one new source, analyses only that one and finds what a full run finds', SLOW, async () => {
    const store = await notebooks.open()
    const importer = new Importer(pool, undefined, { analyseTexts: true })
    const [first, ...rest] = await seedUploads()
    await importer.importFiles(store, rest)
    await findConflictsIn(store, pool)
    const start = pool.analysed
    await importer.importFiles(store, [first!])
    const after = await findConflictsIn(store, pool)
    expect(pool.analysed - start).toBe(1)
    expect(after).toEqual(await findingsFromTexts(store))
  })
})
