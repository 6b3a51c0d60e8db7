/**
 * Parses files off main's thread, in a pool of worker threads with a memory cap and a time limit
 * per file, so a hostile or huge file can neither freeze the app nor exhaust its memory. A cancelled
 * or runaway parse is stopped by terminating its worker.
 */
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Piscina } from 'piscina'
import { DomainError } from '../domain-error'
import type { ExtractRequest, Extraction } from './extract-document'
import type { WorkerAnswer } from './import-worker'
import type { AnalysisSource, TextAnalysis } from '../../../shared/analysis'
import type { ConflictFindings } from '../conflict-report'

export interface ExtractorLimits {
  /** Per file. */
  timeoutMs: number
  /** V8 old-generation cap per worker. */
  memoryMb: number
}

export const DEFAULT_LIMITS: ExtractorLimits = { timeoutMs: 60_000, memoryMb: 1024 }

/**
 * Built, the worker is `out/main/import-worker.js` beside main's bundle; from source (tests), the
 * TypeScript file beside this one, run through tsx. The name is computed so bundlers leave it alone.
 * `workerFile` names another (a test runs the built worker through this pool).
 */
function workerLocation(workerFile?: string): { filename: string; execArgv: string[] } {
  const fromSource = import.meta.url.endsWith('.ts')
  const file = fromSource ? 'import-worker.ts' : 'import-worker.js'
  const filename = workerFile ?? fileURLToPath(new URL(`./${file}`, import.meta.url))
  return { filename, execArgv: filename.endsWith('.ts') ? ['--import', 'tsx'] : [] }
}

/** Why the pool failed to start a worker, or the error's own message. */
function failureMessage(error: unknown, broken: AbortSignal): string {
  const reason = broken.aborted ? (broken.reason as Error) : (error as Error)
  const message = reason instanceof Error ? reason.message : String(reason)
  return broken.aborted ? `the import worker did not start (${message})` : message
}

export class ExtractorPool {
  private pool: { workers: Piscina; broken: AbortSignal } | null = null

  constructor(
    private readonly limits: ExtractorLimits = DEFAULT_LIMITS,
    private readonly workerFile?: string,
  ) {}

  /**
   * The pool, and a signal aborted if it breaks. A worker whose module throws while loading never
   * takes a task, and Piscina then stops starting workers and reports it as an 'error' event: the
   * tasks waiting would wait forever (and the unheard event would crash main). They fail at once with
   * the reason instead, and the next task gets a new pool.
   */
  private started(): { workers: Piscina; broken: AbortSignal } {
    if (this.pool) return this.pool
    const workers = new Piscina({
      ...workerLocation(this.workerFile),
      minThreads: 0,
      maxThreads: Math.max(1, Math.min(2, availableParallelism() - 1)),
      idleTimeout: 30_000,
      resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb },
    })
    const broken = new AbortController()
    const pool = { workers, broken: broken.signal }
    workers.on('error', (error: unknown) => {
      if (this.pool === pool) this.pool = null
      broken.abort(error)
      void workers.destroy()
    })
    this.pool = pool
    return pool
  }

  async extract(request: ExtractRequest, cancel?: AbortSignal): Promise<Extraction> {
    const timeout = AbortSignal.timeout(this.limits.timeoutMs)
    const { workers, broken } = this.started()
    const signal = AbortSignal.any([broken, timeout, ...(cancel ? [cancel] : [])])
    let answer: WorkerAnswer
    try {
      answer = (await workers.run(request, { signal })) as WorkerAnswer
    } catch (error) {
      throw this.explain(error, request.name, cancel, timeout, broken)
    }
    if (!answer.ok) throw new DomainError(answer.code, answer.message)
    return answer.value
  }

  private explain(
    error: unknown,
    name: string,
    cancel: AbortSignal | undefined,
    timeout: AbortSignal,
    broken: AbortSignal,
  ): DomainError {
    if (cancel?.aborted) return new DomainError('cancelled', `${name}: import cancelled.`)
    if (timeout.aborted) {
      return new DomainError(
        'timeout',
        `${name} took longer than ${this.limits.timeoutMs / 1000} s to read and was stopped.`,
      )
    }
    const code = (error as { code?: string }).code
    if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return new DomainError(
        'too-large',
        `${name} needed more than ${this.limits.memoryMb} MB to read and was stopped.`,
      )
    }
    return new DomainError('unreadable', `${name} could not be read: ${failureMessage(error, broken)}`)
  }

  /** The conflict finder, in the same pool (minutes allowed: it is slow on big notebooks, never stuck). */
  async runConflicts(sources: AnalysisSource[], cancel?: AbortSignal): Promise<ConflictFindings> {
    const timeout = AbortSignal.timeout(10 * 60_000)
    const { workers, broken } = this.started()
    try {
      return (await workers.run(sources, {
        name: 'conflicts',
        signal: AbortSignal.any([broken, timeout, ...(cancel ? [cancel] : [])]),
      })) as ConflictFindings
    } catch (error) {
      if (cancel?.aborted) throw new DomainError('cancelled', 'The conflict finder was stopped.')
      throw new DomainError(
        'analysis-failed',
        `The conflict finder stopped: ${failureMessage(error, broken)}`,
      )
    }
  }

  /** Each text's analysis for the conflict finder (compromise runs only in the workers). */
  async analyse(texts: string[], cancel?: AbortSignal): Promise<TextAnalysis[]> {
    const timeout = AbortSignal.timeout(this.limits.timeoutMs * Math.max(1, texts.length))
    const { workers, broken } = this.started()
    try {
      return (await workers.run(texts, {
        name: 'analyse',
        signal: AbortSignal.any([broken, timeout, ...(cancel ? [cancel] : [])]),
      })) as TextAnalysis[]
    } catch (error) {
      if (cancel?.aborted) throw new DomainError('cancelled', 'The conflict finder was stopped.')
      throw new DomainError('analysis-failed', `The text analysis stopped: ${failureMessage(error, broken)}`)
    }
  }

  async close(): Promise<void> {
    await this.pool?.workers.destroy()
    this.pool = null
  }
}
