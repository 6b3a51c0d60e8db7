/**
 * The saved search index, beside the notebook it indexes: `index/search-v<version>.bin` in the
 * notebook folder, so it travels with the notebook and a copy of the folder reuses it. It is a cache:
 * backups and archives leave it out, a damaged or older one is rebuilt, and each item it holds is
 * checked against the notebook on open (see SearchHost), so edits made elsewhere are never missed.
 */
import { randomUUID } from 'node:crypto'
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { SAVED_INDEX_VERSION } from '../../../shared/search/saved-index'

export const INDEX_DIR = 'index'
const TEMP = /^\.search-v\d+\.bin\.[0-9a-f-]{36}\.tmp$/

export function searchIndexPath(notebookDir: string): string {
  return join(notebookDir, INDEX_DIR, `search-v${SAVED_INDEX_VERSION}.bin`)
}

/** The saved bytes, or null when there are none (or they cannot be read). */
export async function readSearchIndex(notebookDir: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readFile(searchIndexPath(notebookDir)))
  } catch {
    return null
  }
}

/**
 * Replaces the saved index whole (temp file, then rename), so a reader sees the old file or the new
 * one. Not fsynced: after a power cut a torn file fails its checks and is simply rebuilt.
 */
export async function writeSearchIndex(notebookDir: string, bytes: Uint8Array): Promise<void> {
  const path = searchIndexPath(notebookDir)
  const folder = join(notebookDir, INDEX_DIR)
  await mkdir(folder, { recursive: true })
  // A write killed part way leaves its temp file: the next write clears it.
  for (const name of await readdir(folder).catch(() => []))
    if (TEMP.test(name)) await rm(join(folder, name), { force: true })
  const temp = join(folder, `.search-v${SAVED_INDEX_VERSION}.bin.${randomUUID()}.tmp`)
  try {
    await writeFile(temp, bytes)
    await rename(temp, path)
  } finally {
    await rm(temp, { force: true })
  }
}
