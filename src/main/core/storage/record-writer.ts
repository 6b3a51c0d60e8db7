/**
 * Saves the record files an edit touched. Keys marked while a save is running are coalesced into
 * the next one, each rendered from the newest data when it is written. An edit that touches several
 * files goes through a journal first, so after a crash either all of it or none of it is on disk.
 * Before replacing a file the writer checks nobody else changed it since the store last saw it.
 */
import { rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import pLimit from 'p-limit'
import { DomainError } from '../domain-error'
import { fsyncFolder, writeFileDurably } from './durable-write'
import { fingerprintOf, sameFingerprint, type Fingerprint } from './fingerprint'
import { writeJournal, type JournalEntry } from './journal'
import { absolute, JOURNAL_FILE, shardPath, type ShardKey } from './layout'

export type SaveState = { state: 'saving' } | { state: 'saved' } | { state: 'failed'; error: DomainError }

interface Waiter {
  resolve(): void
  reject(error: unknown): void
}

export class RecordWriter {
  private dirty = new Set<ShardKey>()
  private waiters: Waiter[] = []
  private running: Promise<void> | null = null
  private exclusiveTail: Promise<unknown> = Promise.resolve()
  /** Set when a save failed: later saves are refused until the notebook is reopened. */
  failure: DomainError | null = null

  constructor(
    private readonly dir: string,
    private readonly render: (key: ShardKey) => string | null,
    private readonly fingerprints: Map<string, Fingerprint>,
    private readonly onState: (state: SaveState) => void = () => {},
  ) {}

  /** Resolves once the files of `keys`, as they are now or newer, are on disk. */
  save(keys: Iterable<ShardKey>): Promise<void> {
    if (this.failure) return Promise.reject(this.failure)
    for (const key of keys) this.dirty.add(key)
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject })
      this.running ??= this.drain()
    })
  }

  /** Waits for every pending save. */
  async flush(): Promise<void> {
    while (this.running) await this.running.catch(() => {})
  }

  /** Runs `task` with no save in progress (backups and restores copy files that saves replace). */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.exclusiveTail.then(task, task)
    this.exclusiveTail = run.catch(() => {})
    return run
  }

  private async drain(): Promise<void> {
    this.onState({ state: 'saving' })
    while (this.dirty.size > 0) {
      const keys = [...this.dirty]
      const waiters = this.waiters
      this.dirty.clear()
      this.waiters = []
      try {
        await this.exclusive(() => this.writeKeys(keys))
        for (const waiter of waiters) waiter.resolve()
      } catch (error) {
        this.failure = asSaveError(error)
        for (const waiter of [...waiters, ...this.waiters]) waiter.reject(this.failure)
        this.waiters = []
        this.dirty.clear()
        this.running = null
        this.onState({ state: 'failed', error: this.failure })
        return
      }
    }
    this.running = null
    this.onState({ state: 'saved' })
  }

  private async writeKeys(keys: ShardKey[]): Promise<void> {
    const entries: JournalEntry[] = keys.map((key) => ({ path: shardPath(key), content: this.render(key) }))
    await this.checkUnchanged(entries)
    if (entries.length === 1) {
      await this.apply(entries)
      return
    }
    await writeJournal(this.dir, entries)
    await this.apply(entries)
    await rm(absolute(this.dir, JOURNAL_FILE), { force: true })
    await fsyncFolder(this.dir)
  }

  private async checkUnchanged(entries: JournalEntry[]): Promise<void> {
    const limit = pLimit(16)
    await Promise.all(
      entries.map(({ path }) =>
        limit(async () => {
          const now = await fingerprintOf(absolute(this.dir, path))
          if (!sameFingerprint(now, this.fingerprints.get(path))) {
            throw new DomainError(
              'changed-on-disk',
              `${path} in the notebook folder was changed by another program since Corroborate read it, ` +
                'so your latest change was not written over it. Reopen the notebook to load what is on disk.',
            )
          }
        }),
      ),
    )
  }

  private async apply(entries: JournalEntry[]): Promise<void> {
    const limit = pLimit(8)
    const folders = new Set<string>()
    await Promise.all(
      entries.map(({ path, content }) =>
        limit(async () => {
          const file = absolute(this.dir, path)
          folders.add(dirname(file))
          if (content === null) {
            await rm(file, { force: true })
            this.fingerprints.delete(path)
          } else {
            this.fingerprints.set(path, await writeFileDurably(file, content, { skipFolderSync: true }))
          }
        }),
      ),
    )
    // One fsync per folder makes the renames durable (for a batch, before the journal goes).
    for (const folder of folders) await fsyncFolder(folder)
  }
}

function asSaveError(error: unknown): DomainError {
  if (error instanceof DomainError) return error
  const code = (error as NodeJS.ErrnoException).code
  const why =
    code === 'ENOSPC'
      ? 'the disk is full'
      : code === 'EACCES' || code === 'EPERM'
        ? 'Corroborate may not write to the notebook folder'
        : code === 'EROFS'
          ? 'the notebook folder is on a read-only disk'
          : error instanceof Error
            ? error.message
            : String(error)
  return new DomainError(
    'save-failed',
    `Your latest change could not be saved (${why}). Everything saved before it is safe on disk; ` +
      'free the problem and reopen the notebook.',
    error,
  )
}
