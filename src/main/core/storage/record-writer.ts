/**
 * Saves the record files an edit touched. Keys marked while a save is running are coalesced into
 * the next one, each rendered from the newest data when it is written. An edit that touches several
 * files goes through a journal first, so after a crash either all of it or none of it is on disk.
 * Before replacing a file the writer checks nobody else changed it since the store last saw it.
 * Snapshots begin between writes and are taken beside them: a write only waits for the snapshots
 * under way to hold the files it replaces (see snapshot.ts), never for a whole snapshot.
 */
import { rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import pLimit from 'p-limit'
import { DomainError } from '../domain-error'
import { fsyncFolder, writeFileDurably } from './durable-write'
import { fingerprintOf, sameFingerprint, type Fingerprint } from './fingerprint'
import { writeJournal, type JournalEntry } from './journal'
import { absolute, JOURNAL_FILE, shardPath, type ShardKey } from './layout'
import type { BackupInfo } from './backups'
import type { Snapshot } from './snapshot'

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
  /** Snapshots begun and not complete: each write keeps its files' old versions in them first. */
  private readonly live = new Map<Snapshot, Promise<unknown>>()
  /** Every snapshot asked for and not settled, begun or still waiting for its turn. */
  private readonly snapshots = new Set<Promise<unknown>>()
  /** The write running now, if any. */
  private writing: Promise<void> | null = null
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

  /**
   * Begins the snapshot `begin` makes of the record files between two writes, and resolves once it
   * is complete. Saves go on meanwhile: none waits for it beyond the files that save replaces, and
   * its own links wait for `betweenWrites`, so they do not compete with a save for the disk.
   */
  snapshot(begin: (files: string[], betweenWrites: () => Promise<void>) => Snapshot): Promise<BackupInfo> {
    const done = this.exclusive(async () => {
      // Every record file this store read or wrote is in `fingerprints`: no folder listing needed.
      const snapshot = begin([...this.fingerprints.keys()], () => this.betweenWrites())
      const complete = snapshot.complete()
      this.live.set(snapshot, complete)
      void complete.catch(() => {}).then(() => this.live.delete(snapshot))
      return { complete }
    }).then(({ complete }) => complete)
    this.snapshots.add(done)
    void done.catch(() => {}).then(() => this.snapshots.delete(done))
    return done
  }

  /** Resolves when no write is running (at once if none is). */
  private async betweenWrites(): Promise<void> {
    while (this.writing) await this.writing.catch(() => {})
  }

  /** Waits until every snapshot asked for so far is complete (or failed). */
  async snapshotsSettled(): Promise<void> {
    while (this.snapshots.size > 0) await Promise.allSettled([...this.snapshots])
  }

  /** Runs `task` with no save and no snapshot under way (a restore replaces every file). */
  quiet<T>(task: () => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      await Promise.allSettled([...this.live.values()])
      return task()
    })
  }

  private async drain(): Promise<void> {
    this.onState({ state: 'saving' })
    while (this.dirty.size > 0) {
      const keys = [...this.dirty]
      const waiters = this.waiters
      this.dirty.clear()
      this.waiters = []
      try {
        await this.exclusive(() => {
          const writing = this.writeKeys(keys)
          this.writing = writing
          return writing.finally(() => (this.writing = null))
        })
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
    if (this.live.size > 0) await this.keepInSnapshots(entries)
    if (entries.length === 1) {
      await this.apply(entries)
      return
    }
    await writeJournal(this.dir, entries)
    await this.apply(entries)
    await rm(absolute(this.dir, JOURNAL_FILE), { force: true })
    await fsyncFolder(this.dir)
  }

  /** Puts the old versions of the files about to be replaced or removed into the snapshots under way. */
  private async keepInSnapshots(entries: JournalEntry[]): Promise<void> {
    const kept: Array<Promise<void>> = []
    for (const snapshot of this.live.keys())
      for (const { path } of entries) {
        // A file the store has no fingerprint of is not on disk (checkUnchanged made sure): a new one.
        if (this.fingerprints.has(path)) kept.push(snapshot.keep(path))
        else snapshot.leaveOut(path)
      }
    await Promise.all(kept)
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
