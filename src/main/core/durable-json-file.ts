/**
 * A lowdb adapter that makes each save durable before it is reported done: write a uniquely named
 * temp file, fsync it, rename it over the notebook file, fsync the folder. lowdb's own JSONFile
 * (steno) renames atomically but never fsyncs, so a power cut can still lose an acknowledged save.
 * Saves that arrive while one is in flight are coalesced: only the newest data is written next.
 */
import { readFile } from 'node:fs/promises'
import type { Adapter } from 'lowdb'
import { writeFileDurably } from './storage/durable-write'

export class DurableJsonFile<T> implements Adapter<T> {
  private inFlight: Promise<void> | null = null
  private next: { data: T; waiters: Array<{ resolve(): void; reject(e: unknown): void }> } | null = null

  constructor(private readonly path: string) {}

  async read(): Promise<T | null> {
    try {
      return JSON.parse(await readFile(this.path, 'utf8')) as T
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  }

  /** Resolves once `data` (or newer data that replaced it) is on disk. */
  write(data: T): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.next) {
        this.next.data = data
        this.next.waiters.push({ resolve, reject })
      } else {
        this.next = { data, waiters: [{ resolve, reject }] }
      }
      if (!this.inFlight) this.inFlight = this.drain()
    })
  }

  private async drain(): Promise<void> {
    while (this.next) {
      const { data, waiters } = this.next
      this.next = null
      try {
        await writeFileDurably(this.path, `${JSON.stringify(data, null, 2)}\n`)
        for (const waiter of waiters) waiter.resolve()
      } catch (error) {
        for (const waiter of waiters) waiter.reject(error)
      }
    }
    this.inFlight = null
  }
}
