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
import type { AnalysisSource } from '../../../shared/analysis'
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
 */
function workerLocation(): { filename: string; execArgv: string[] } {
  const fromSource = import.meta.url.endsWith('.ts')
  const file = fromSource ? 'import-worker.ts' : 'import-worker.js'
  return {
    filename: fileURLToPath(new URL(`./${file}`, import.meta.url)),
    execArgv: fromSource ? ['--import', 'tsx'] : [],
  }
}

export class ExtractorPool {
  private pool: Piscina | null = null

  constructor(private readonly limits: ExtractorLimits = DEFAULT_LIMITS) {}

  private get workers(): Piscina {
    this.pool ??= new Piscina({
      ...workerLocation(),
      minThreads: 0,
      maxThreads: Math.max(1, Math.min(2, availableParallelism() - 1)),
      idleTimeout: 30_000,
      resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb },
    })
    return this.pool
  }

  async extract(request: ExtractRequest, cancel?: AbortSignal): Promise<Extraction> {
    const timeout = AbortSignal.timeout(this.limits.timeoutMs)
    const signal = cancel ? AbortSignal.any([cancel, timeout]) : timeout
    let answer: WorkerAnswer
    try {
      answer = (await this.workers.run(request, { signal })) as WorkerAnswer
    } catch (error) {
      throw this.explain(error, request.name, cancel, timeout)
    }
    if (!answer.ok) throw new DomainError(answer.code, answer.message)
    return answer.value
  }

  private explain(
    error: unknown,
    name: string,
    cancel: AbortSignal | undefined,
    timeout: AbortSignal,
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
    return new DomainError('unreadable', `${name} could not be read: ${(error as Error).message}`)
  }

  /** The conflict finder, in the same pool (minutes allowed: it is slow on big notebooks, never stuck). */
  async runConflicts(sources: AnalysisSource[], cancel?: AbortSignal): Promise<ConflictFindings> {
    const timeout = AbortSignal.timeout(10 * 60_000)
    try {
      return (await this.workers.run(sources, {
        name: 'conflicts',
        signal: cancel ? AbortSignal.any([cancel, timeout]) : timeout,
      })) as ConflictFindings
    } catch (error) {
      if (cancel?.aborted) throw new DomainError('cancelled', 'The conflict finder was stopped.')
      throw new DomainError('analysis-failed', `The conflict finder stopped: ${(error as Error).message}`)
    }
  }

  async close(): Promise<void> {
    await this.pool?.destroy()
    this.pool = null
  }
}
