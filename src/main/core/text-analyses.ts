/**
 * The analyses of a notebook's texts, as the conflict finder needs them: read from the notebook folder
 * where they are stored (storage/analysis-blobs.ts), and for texts that have none yet (imported before
 * analyses were stored, pasted, or analysed by another extractor version) made in the worker pool
 * and stored, so that is done once.
 */
import pLimit from 'p-limit'
import { ANALYSIS_VERSION } from '../../shared/analysis/analysis-version'
import type { TextAnalysis } from '../../shared/analysis/types'
import type { ExtractorPool } from './import/extractor-pool'
import type { NotebookStore } from './notebook-store'
import { readAnalyses, syncAnalysisFolder, writeAnalysis } from './storage/analysis-blobs'

/** Texts per worker task: small enough to cancel promptly and spread over the pool's threads. */
const TEXTS_PER_TASK = 8

const NOTHING: TextAnalysis = {
  version: ANALYSIS_VERSION,
  mentions: [],
  attributedTo: [],
  candidates: [],
  words: '',
}

/** The analysis of each text, by the text's hash. */
export async function loadAnalyses(
  store: NotebookStore,
  workers: ExtractorPool,
  textShas: readonly string[],
  cancel?: AbortSignal,
): Promise<Map<string, TextAnalysis>> {
  const stored = await readAnalyses(store.dir, textShas)
  const analyses = new Map<string, TextAnalysis>()
  const missing: string[] = []
  textShas.forEach((sha, i) => {
    const analysis = stored[i]
    if (analysis) analyses.set(sha, analysis)
    else missing.push(sha)
  })
  if (missing.length === 0) return analyses
  const batches = Array.from({ length: Math.ceil(missing.length / TEXTS_PER_TASK) }, (_, i) =>
    missing.slice(i * TEXTS_PER_TASK, (i + 1) * TEXTS_PER_TASK),
  )
  const tasks = pLimit(2)
  // Every batch settles before this returns, even when one fails or the run is cancelled: no write
  // may land in the folder after the caller has its answer.
  let stopped = false
  const settled = await Promise.allSettled(
    batches.map((batch) =>
      tasks(async () => {
        if (stopped) throw new Error('an earlier batch failed')
        return analyseBatch(store, workers, batch, cancel).catch((error: unknown) => {
          stopped = true
          throw error
        })
      }),
    ),
  )
  // The first failure is the reason: the batches after it only stopped for it.
  const failed = settled.find((result) => result.status === 'rejected')
  if (failed) throw failed.reason
  const made = settled.map((result) => (result as PromiseFulfilledResult<Map<string, TextAnalysis>>).value)
  for (const batch of made) for (const [sha, analysis] of batch) analyses.set(sha, analysis)
  if (made.some((batch) => batch.size > 0) && store.status.readOnly === null)
    await syncAnalysisFolder(store.dir).catch(() => undefined)
  return analyses
}

async function analyseBatch(
  store: NotebookStore,
  workers: ExtractorPool,
  shas: readonly string[],
  cancel?: AbortSignal,
): Promise<Map<string, TextAnalysis>> {
  // A text missing from the folder has nothing to say (as the finder always treated it) and is not stored.
  const texts = await Promise.all(shas.map((sha) => store.readText(sha).catch(() => null)))
  const present = shas.filter((_, i) => texts[i] !== null)
  const found = texts.filter((text): text is string => text !== null)
  const made = found.length > 0 ? await workers.analyse(found, cancel) : []
  const analyses = new Map(shas.map((sha) => [sha, NOTHING]))
  for (const [i, sha] of present.entries()) {
    const analysis = made[i]!
    analyses.set(sha, analysis)
    await storeAnalysis(store, sha, analysis, { skipFolderSync: true })
  }
  return analyses
}

/**
 * Stores a text's analysis, unless the notebook is read-only (another window holds it). Derived data:
 * a failed write only means it is made again next time, so it never fails what asked for it.
 */
export async function storeAnalysis(
  store: NotebookStore,
  textSha256: string,
  analysis: TextAnalysis,
  options: { skipFolderSync?: boolean } = {},
): Promise<void> {
  if (store.status.readOnly !== null) return
  await writeAnalysis(store.dir, textSha256, analysis, options).catch(() => undefined)
}
