/**
 * The conflict finder over the open notebook. Tagging text is the slow part, so each text's analysis
 * is made once, in the worker pool — at import, or on the finder's first run for a text without one —
 * and stored beside the text (text-analyses.ts). What is left, comparing sources, is kept up to date
 * in main: a `ConflictIndex` per open notebook takes in only the sources added, changed or removed
 * since the last run. Local and deterministic.
 */
import pLimit from 'p-limit'
import { ConflictIndex } from '../../shared/analysis/conflict-index'
import type { ExtractorPool } from './import/extractor-pool'
import { withSuggestions, type ConflictFindings } from './conflict-report'
import type { NotebookStore } from './notebook-store'
import { loadAnalyses } from './text-analyses'

export type { ConflictFindings } from './conflict-report'

interface FinderState {
  index: ConflictIndex
  /** Runs take turns: each one brings the index up to date before the next looks at it. */
  queue: Promise<unknown>
}

const finders = new WeakMap<NotebookStore, FinderState>()

export function findConflictsIn(
  store: NotebookStore,
  workers: ExtractorPool,
  cancel?: AbortSignal,
): Promise<ConflictFindings> {
  const state = finders.get(store) ?? { index: new ConflictIndex(), queue: Promise.resolve() }
  finders.set(store, state)
  const run = state.queue.then(() => update(store, state.index, workers, cancel))
  state.queue = run.catch(() => undefined)
  return run
}

async function update(
  store: NotebookStore,
  index: ConflictIndex,
  workers: ExtractorPool,
  cancel?: AbortSignal,
): Promise<ConflictFindings> {
  const sources = store.data.sources.map((source) => ({ id: source.id, key: source.textSha256 }))
  const unindexed = sources.filter((source) => index.keyOf(source.id) !== source.key)
  const analyses = await loadAnalyses(store, workers, [...new Set(unindexed.map((s) => s.key))], cancel)
  index.sync(sources, (source) => analyses.get(source.key)!)
  // A speaker of several words ("UK government") must be found as written in another source's text.
  const shaOf = new Map(sources.map((source) => [source.id, source.key]))
  const reads = pLimit(32)
  for (let wanted = index.textsWanted(); wanted.length > 0; wanted = index.textsWanted()) {
    const read = (id: string) => reads(() => store.readText(shaOf.get(id)!).catch(() => ''))
    const texts = await Promise.all(wanted.map(read))
    index.confirmIn(new Map(wanted.map((id, i) => [id, texts[i]!])))
  }
  return withSuggestions(index.report())
}
