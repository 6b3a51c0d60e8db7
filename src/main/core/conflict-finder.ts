/**
 * Runs the conflict finder over the open notebook in a worker thread: on a thousand sources it takes
 * seconds, which main must never spend on its own event loop. Local and deterministic.
 */
import type { ExtractorPool } from './import/extractor-pool'
import type { ConflictFindings } from './conflict-report'
import type { NotebookStore } from './notebook-store'

export type { ConflictFindings } from './conflict-report'

export async function findConflictsIn(
  store: NotebookStore,
  workers: ExtractorPool,
  cancel?: AbortSignal,
): Promise<ConflictFindings> {
  const sources = await Promise.all(
    store.data.sources.map(async (s) => ({
      id: s.id,
      outlet: s.outlet,
      title: s.title,
      text: await store.readText(s.textSha256).catch(() => ''),
    })),
  )
  return workers.runConflicts(sources, cancel)
}
