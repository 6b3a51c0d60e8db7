/**
 * One backup being taken. It begins with the list of record files as they are at that moment and
 * hard-links them into a hidden folder, `backups/.<id>.partial`, renamed to `backups/<id>` once
 * every file is in: a snapshot cut short by a crash is never offered as a backup.
 *
 * Saves need not wait for it. A link holds a file's inode, and a save replaces a file by renaming a
 * new one over it, which leaves that inode (and so the snapshot's copy) as it was. So a save only has
 * to `keep` the files it is about to replace or remove, which links just those first; the rest are
 * linked in the background whenever, and the snapshot is still the notebook as it was when it began.
 */
import { copyFile, link, mkdir, rename, rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { absolute, fileStamp } from './layout'
import {
  backupDir,
  parseBackupId,
  partialBackupDir,
  pruneBackups,
  recordFiles,
  type BackupInfo,
  type BackupKind,
} from './backups'

/** Awaited before the background links each file (tests hold it to see that saves do not wait). */
export type BackupPace = () => Promise<void>

/** A hard link, or a copy where the disk has none (FAT, exFAT) or the link is refused. */
async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error
    await copyFile(from, to)
  }
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT'

let lastTime = 0
/** Two snapshots begun in the same millisecond (a manual one beside an automatic one) get their own ids. */
function distinctTime(now: Date): Date {
  lastTime = Math.max(now.getTime(), lastTime + 1)
  return new Date(lastTime)
}

export class Snapshot {
  readonly info: BackupInfo
  private readonly kept = new Map<string, Promise<void>>()
  /** Files saves created since the snapshot began: not part of it. */
  private readonly created = new Set<string>()
  private readonly folders = new Map<string, Promise<unknown>>()
  private failure: unknown = null

  /** `files`: the record files, relative to `dir`, as they are now (no save may be running). */
  constructor(
    private readonly dir: string,
    kind: BackupKind,
    private readonly files: readonly string[],
    private readonly pace: BackupPace | null = null,
    now = new Date(),
  ) {
    this.info = parseBackupId(`${fileStamp(distinctTime(now))}-${kind}`)!
  }

  /**
   * Resolves once `file` as it was when the snapshot began is in the snapshot. A save calls it for
   * each file it is about to replace or remove. Never rejects: a link that fails spoils the
   * snapshot, not the save.
   */
  keep(file: string): Promise<void> {
    let kept = this.kept.get(file)
    if (kept) return kept
    if (this.created.has(file)) return Promise.resolve()
    kept = this.linkOne(file).catch((error: unknown) => {
      // A listed file that is gone was set aside on open: it is not part of the notebook.
      if (!isMissing(error)) this.failure ??= error
    })
    this.kept.set(file, kept)
    return kept
  }

  /** A save is about to create `file`, which did not exist when the snapshot began: leave it out. */
  leaveOut(file: string): void {
    if (!this.kept.has(file)) this.created.add(file)
  }

  private async linkOne(file: string): Promise<void> {
    const target = absolute(partialBackupDir(this.dir, this.info.id), file)
    const folder = dirname(target)
    if (!this.folders.has(folder)) this.folders.set(folder, mkdir(folder, { recursive: true }))
    await this.folders.get(folder)
    await linkOrCopy(absolute(this.dir, file), target)
  }

  /**
   * Links every file not kept yet, a few at a time (the thread pool stays free for saves), then
   * puts the snapshot in place and prunes old backups. A failed snapshot leaves nothing behind.
   */
  async complete(concurrency = 2): Promise<BackupInfo> {
    const partial = partialBackupDir(this.dir, this.info.id)
    try {
      await mkdir(partial, { recursive: true })
      const queue = this.files.values()
      const worker = async () => {
        for (let next = queue.next(); !next.done; next = queue.next()) {
          if (this.pace) await this.pace()
          await this.keep(next.value)
        }
      }
      await Promise.all(Array.from({ length: concurrency }, worker))
      if (this.failure) throw this.failure
      await rename(partial, backupDir(this.dir, this.info.id))
    } catch (error) {
      await rm(partial, { recursive: true, force: true })
      throw error
    }
    await pruneBackups(this.dir)
    return this.info
  }
}

/** Takes a snapshot of every record file in `dir` now, with no save running (before a migration or a restore). */
export async function takeBackup(dir: string, kind: BackupKind, now = new Date()): Promise<BackupInfo> {
  return new Snapshot(dir, kind, await recordFiles(dir), null, now).complete(16)
}
