/**
 * Main's end of one search worker: sends requests, matches answers by id. The thread does not keep
 * the process alive while idle (a test, a benchmark, the app quitting), only while it owes an answer.
 */
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { DomainError } from '../domain-error'
import type {
  SearchReplies,
  SearchRequest,
  SearchWorkerData,
  WorkerMessage,
  WorkerReply,
} from './search-protocol'

/**
 * Built, the worker is `out/main/search-worker.js` beside main's bundle. From source (tests), it is the
 * TypeScript file beside this one: a worker given a .ts file as its entry does not get tsx's loader
 * from `--import tsx` on this Node, so a two-line bootstrap registers tsx and then imports it.
 */
function startWorker(workerData: SearchWorkerData): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(fileURLToPath(new URL('./search-worker.js', import.meta.url)), { workerData })
  const entry = new URL('./search-worker.ts', import.meta.url).href
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}) })`
  return new Worker(bootstrap, { eval: true, workerData })
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void }

export class SearchWorkerClient {
  private readonly worker: Worker
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private failure: Error | null = null

  constructor(data: SearchWorkerData) {
    this.worker = startWorker(data)
    this.worker.unref()
    this.worker.on('message', (reply: WorkerReply) => this.settle(reply))
    this.worker.on('error', (error) => this.fail(error))
    this.worker.on('exit', (code) => this.fail(new Error(`The search worker stopped (exit code ${code}).`)))
  }

  /** Whether the thread died (then a new client is needed). */
  get failed(): boolean {
    return this.failure !== null
  }

  request<K extends SearchRequest['kind']>(
    request: Extract<SearchRequest, { kind: K }>,
  ): Promise<SearchReplies[K]> {
    if (this.failure) return Promise.reject(this.searchError(this.failure))
    const id = this.nextId++
    return new Promise<SearchReplies[K]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
      if (this.pending.size === 1) this.worker.ref()
      this.worker.postMessage({ id, request } satisfies WorkerMessage)
    })
  }

  private settle(reply: WorkerReply): void {
    const waiting = this.pending.get(reply.id)
    if (!waiting) return
    this.pending.delete(reply.id)
    if (this.pending.size === 0) this.worker.unref()
    if (reply.ok) waiting.resolve(reply.value)
    else waiting.reject(new DomainError('search-failed', reply.message))
  }

  private fail(error: Error): void {
    this.failure ??= error
    for (const { reject } of this.pending.values()) reject(this.searchError(error))
    this.pending.clear()
  }

  private searchError(error: Error): DomainError {
    return new DomainError('search-failed', `Search stopped working: ${error.message}`)
  }

  async terminate(): Promise<void> {
    this.failure ??= new Error('closed')
    await this.worker.terminate()
  }
}
