/**
 * One durable file write: a uniquely named temp file, fsynced, renamed over the target, and the
 * folder fsynced, so a write reported done survives a crash or a power cut. Files are only ever
 * replaced this way, never changed in place, which is also what lets backups hard-link them.
 */
import { randomUUID } from 'node:crypto'
import { mkdir, open, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Fingerprint } from './fingerprint'
import { renameWithRetry } from './rename-with-retry'

// Every writer that replaces a file by rename should ride out Windows' transient locks the same way.
export { renameWithRetry } from './rename-with-retry'

export async function fsyncFolder(folder: string): Promise<void> {
  // Directories cannot be opened for fsync on Windows; there the rename is as durable as it gets.
  if (process.platform === 'win32') return
  const handle = await open(folder, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

export interface DurableWriteOptions {
  /** Leave the folder's fsync to the caller, who syncs each folder once after a batch of writes. */
  skipFolderSync?: boolean
}

/** Writes `content` to `path` durably and returns the written file's fingerprint. */
export async function writeFileDurably(
  path: string,
  content: string | Uint8Array,
  options: DurableWriteOptions = {},
): Promise<Fingerprint> {
  const folder = dirname(path)
  const temp = join(folder, `.${basename(path)}.${randomUUID()}.tmp`)
  let handle
  try {
    handle = await open(temp, 'w')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    await mkdir(folder, { recursive: true })
    handle = await open(temp, 'w')
  }
  let fingerprint: Fingerprint
  try {
    await handle.writeFile(content)
    await handle.sync()
    const stats = await handle.stat()
    fingerprint = { mtimeMs: stats.mtimeMs, size: stats.size }
  } finally {
    await handle.close()
  }
  try {
    await renameWithRetry(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
  if (!options.skipFolderSync) await fsyncFolder(folder)
  return fingerprint
}
