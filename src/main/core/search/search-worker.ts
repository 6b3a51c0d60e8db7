/**
 * The search worker thread: one per notebook open for search, its own bundle entry (out/main/
 * search-worker.js). Everything it does is SearchHost's; this is the message loop.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { SearchHost } from './search-host'
import type { SearchRequest, SearchWorkerData, WorkerMessage, WorkerReply } from './search-protocol'

const { dir, persist } = workerData as SearchWorkerData
const host = new SearchHost(dir, persist)

function run(request: SearchRequest): Promise<unknown> {
  switch (request.kind) {
    case 'open':
      return host.open(request.parts)
    case 'reset':
      return host.reset(request.parts)
    case 'records':
      host.records(request.part)
      return Promise.resolve()
    case 'change':
      return host.change(request.change)
    case 'query':
      return host.query(request.query, request.filters, request.limit)
    case 'flush':
      return host.flush()
    case 'stats':
      return Promise.resolve(host.getStats())
  }
}

parentPort!.on('message', ({ id, request }: WorkerMessage) => {
  run(request).then(
    (value) => parentPort!.postMessage({ id, ok: true, value } satisfies WorkerReply),
    (error: unknown) =>
      parentPort!.postMessage({
        id,
        ok: false,
        message: (error as Error).message ?? String(error),
      } satisfies WorkerReply),
  )
})
