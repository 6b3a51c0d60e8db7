/**
 * Measuring instruments for the storage benchmark: save times (the first apart), bytes this
 * process wrote, the longest event-loop stall, and memory after opening a notebook in a fresh process.
 */
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

/**
 * Bytes this process has handed to write() so far (Linux /proc/self/io `wchar`, all threads,
 * libuv's pool included), or null elsewhere. Unlike walking the folder, it costs nothing on a
 * notebook of 100,000 files and counts temp files that were renamed away.
 */
export function bytesWrittenSoFar(): number | null {
  try {
    const match = /^wchar: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'))
    return match ? Number(match[1]) : null
  } catch {
    return null
  }
}

export interface SaveFigures {
  /** The first save after open, ms (for the store: the one that begins the session's backup). */
  first: number
  /** Every later save, ms. */
  times: number[]
  /** Bytes written per save, or empty where the platform cannot say. */
  bytes: number[]
  /** Longest event-loop stall while the saves ran, ms. */
  stallMs: number
}

/**
 * Runs `save` one at a time, as the analyst types, until `maxSaves` or the time budget is spent;
 * call it right after open, so the first save is the session's first (first-call costs included).
 */
export async function measureSaves(
  save: (i: number) => Promise<unknown>,
  { maxSaves, budgetMs }: { maxSaves: number; budgetMs: number },
): Promise<SaveFigures> {
  const times: number[] = []
  const bytes: number[] = []
  const stalls = monitorEventLoopDelay({ resolution: 1 })
  stalls.enable()
  const started = performance.now()
  for (let i = 0; i <= maxSaves && (i < 4 || performance.now() - started < budgetMs); i++) {
    const before = bytesWrittenSoFar()
    const t0 = performance.now()
    await save(i)
    times.push(performance.now() - t0)
    const after = bytesWrittenSoFar()
    if (before !== null && after !== null) bytes.push(after - before)
  }
  stalls.disable()
  return { first: times[0]!, times: times.slice(1), bytes, stallMs: stalls.max / 1e6 }
}

const MEMORY_SCRIPT = fileURLToPath(new URL('./storage-memory.ts', import.meta.url))

/** heapUsed and rss (bytes) of a fresh process that opened `path` as `kind`, after a full GC. */
export async function memoryAfterOpen(
  kind: 'store' | 'lowdb',
  path: string,
): Promise<{ heapUsed: number; rss: number }> {
  const args = ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', MEMORY_SCRIPT, kind, path]
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 1 << 20 })
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as { heapUsed: number; rss: number }
}

const SAVES_SCRIPT = fileURLToPath(new URL('./storage-saves.ts', import.meta.url))

/**
 * Save figures from a fresh process that opened `path` as `kind` and saved right away (see
 * storage-saves.ts), with how long the store's session backup took to complete after the last save.
 */
export async function savesInFreshProcess(
  kind: 'store' | 'lowdb',
  path: string,
  { maxSaves, budgetMs }: { maxSaves: number; budgetMs: number },
): Promise<SaveFigures & { backupAfterMs: number }> {
  const args = [
    '--max-old-space-size=8192',
    '--import',
    'tsx',
    SAVES_SCRIPT,
    kind,
    path,
    `${maxSaves}`,
    `${budgetMs}`,
  ]
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 1 << 20 })
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as SaveFigures & { backupAfterMs: number }
}
