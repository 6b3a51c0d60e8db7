/**
 * Test helper: one SHA-256 over a whole notebook folder (every file's relative path and bytes,
 * recursively), so tests can say "nothing changed on disk" without knowing the storage layout,
 * which is free to change (one JSON file today, a manifest plus per-record files tomorrow).
 *
 * Backups and lock files are left out: a store may take a lock or rotate a backup on open without
 * changing what the notebook holds. Lives in main (not src/shared) because it needs Node's fs.
 */
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'

const IGNORED_FOLDERS = new Set(['backups', '.backups'])

function isIgnored(name: string, isFolder: boolean): boolean {
  return name.endsWith('.lock') || (isFolder && IGNORED_FOLDERS.has(name))
}

/** Every file under `dir` that counts, as sorted '/'-separated paths relative to `dir`. */
export async function listNotebookFiles(dir: string): Promise<string[]> {
  const files: string[] = []
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      if (isIgnored(entry.name, entry.isDirectory())) continue
      const path = join(folder, entry.name)
      if (entry.isDirectory()) await walk(path)
      else files.push(relative(dir, path).split(sep).join('/'))
    }
  }
  await walk(dir)
  return files.sort()
}

/** SHA-256 (hex) of the folder tree: path, length and bytes of each file, in path order. */
export async function hashFolder(dir: string): Promise<string> {
  const hash = createHash('sha256')
  for (const path of await listNotebookFiles(dir)) {
    const bytes = await readFile(join(dir, path))
    // Length-prefixed so ("ab","c") and ("a","bc") cannot hash alike.
    hash.update(`${path}\0${bytes.byteLength}\0`)
    hash.update(bytes)
  }
  return hash.digest('hex')
}
