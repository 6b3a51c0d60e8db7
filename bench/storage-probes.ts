/**
 * Measuring instruments for the storage benchmark: bytes this process wrote, the longest
 * event-loop stall, and memory after opening a notebook in a fresh process.
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
  times: number[]
  /** Bytes written per save, or empty where the platform cannot say. */
  bytes: number[]
  /** Longest event-loop stall while the saves ran, ms. */
  stallMs: number
}

/** Runs `save` one at a time, as the analyst types, until `maxSaves` or the time budget is spent. */
export async function measureSaves(
  save: (i: number) => Promise<unknown>,
  { maxSaves, budgetMs }: { maxSaves: number; budgetMs: number },
): Promise<SaveFigures> {
  await save(-1) // warm-up: first-call costs are not a save's
  const figures: SaveFigures = { times: [], bytes: [], stallMs: 0 }
  const stalls = monitorEventLoopDelay({ resolution: 1 })
  stalls.enable()
  const started = performance.now()
  for (let i = 0; i < maxSaves && (i < 3 || performance.now() - started < budgetMs); i++) {
    const before = bytesWrittenSoFar()
    const t0 = performance.now()
    await save(i)
    figures.times.push(performance.now() - t0)
    const after = bytesWrittenSoFar()
    if (before !== null && after !== null) figures.bytes.push(after - before)
  }
  stalls.disable()
  figures.stallMs = stalls.max / 1e6
  return figures
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
