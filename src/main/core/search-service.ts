/**
 * Search over the open notebook, answered by a worker thread that holds the index (search/search-host.ts),
 * so main never tokenizes a text: it sends the records once when the notebook is first searched, then
 * each edit's changed records as the store commits them, and forwards queries. Building, checking a
 * saved index and re-indexing all happen in the worker, one build per notebook: every query, the
 * first ones too, goes to the same worker, which answers from what is indexed while it builds.
 */
import type { SearchAnswer, SearchFilters } from '../../shared/search'
import type { NotebookData } from '../../shared/model'
import type { NotebookStore } from './notebook-store'
import type { HostStats } from './search/search-host'
import { recordChange, recordParts } from './search/search-records'
import { SearchWorkerClient } from './search/search-worker-client'

/**
 * Asks the worker to open (or re-check) the index and sends it the notebook's records a part at a
 * time, letting main's other work in between; resolves when the index is complete.
 */
export async function sendNotebook(
  client: SearchWorkerClient,
  kind: 'open' | 'reset',
  data: Parameters<typeof recordParts>[0],
): Promise<void> {
  const { count, parts } = recordParts(data)
  const built = client.request({ kind, parts: count })
  for (const part of parts) {
    void client.request({ kind: 'records', part }).catch(() => undefined)
    await new Promise((resolve) => setImmediate(resolve))
  }
  return built
}

interface Attached {
  store: NotebookStore
  client: SearchWorkerClient
  /** The store's data the worker last heard of: anything else means it was replaced (a restore). */
  seen: Readonly<NotebookData>
  /** Resolves when the worker has built (or loaded and checked) the index. */
  built: Promise<void>
  unsubscribe: () => void
}

export class SearchService {
  private attached: Attached | null = null
  /** Workers started, one per notebook searched (and again after a worker died). */
  workersStarted = 0

  /** Hits for `query`; while the index is being built, from what is indexed so far, saying so. */
  async search(
    store: NotebookStore,
    query: string,
    filters: SearchFilters,
    limit = 50,
  ): Promise<SearchAnswer> {
    const attached = this.attach(store)
    return attached.client.request({ kind: 'query', query, filters, limit })
  }

  /** Resolves when the index of `store` is complete (starting it if need be). */
  ready(store: NotebookStore): Promise<void> {
    return this.attach(store).built
  }

  stats(store: NotebookStore): Promise<HostStats> {
    return this.attach(store).client.request({ kind: 'stats' })
  }

  /** Saves the index (if edited since) and stops the worker. */
  async close(): Promise<void> {
    const attached = this.attached
    this.attached = null
    if (!attached) return
    attached.unsubscribe()
    await attached.client.request({ kind: 'flush' }).catch(() => undefined)
    await attached.client.terminate()
  }

  private attach(store: NotebookStore): Attached {
    const current = this.attached
    if (current?.store === store && !current.client.failed) {
      this.catchUp(current)
      return current
    }
    if (current) void this.close()
    const client = new SearchWorkerClient({ dir: store.dir, persist: store.status.readOnly === null })
    this.workersStarted++
    const attached: Attached = {
      store,
      client,
      seen: store.data,
      built: sendNotebook(client, 'open', store.data),
      unsubscribe: () => {
        stopCommits()
        stopStatus()
      },
    }
    const stopCommits = store.onCommit((changes, data) => {
      attached.seen = data
      const change = recordChange(changes, data)
      if (change) client.request({ kind: 'change', change }).catch(() => undefined)
    })
    // A restore replaces the data without an edit, and says so with a status event.
    const stopStatus = store.onStatus(() => this.catchUp(attached))
    attached.built.catch(() => undefined)
    this.attached = attached
    return attached
  }

  /** When the store's data was replaced without an edit (a backup restored), the worker checks every item again. */
  private catchUp(attached: Attached): void {
    if (attached.store.data === attached.seen) return
    attached.seen = attached.store.data
    const previous = attached.built.catch(() => undefined)
    // After the records of an open still being sent, so the two never interleave; with the data as
    // it is then (edits meanwhile were sent as changes, which the reset's check then agrees with).
    attached.built = previous.then(() => sendNotebook(attached.client, 'reset', attached.store.data))
    attached.built.catch(() => undefined)
  }
}
