/**
 * Reads the files and folders the user picked in the import dialog or dropped on the window (both
 * arrive as paths), keeping only importable files from folders. Work is bounded by size, whatever
 * was picked: a folder walk stops once it has found more files than one import takes or looked at
 * too many entries, and sizes are checked before any bytes are read. A file that is too large, is
 * not a regular file, or cannot be read is refused alone, with its reason; the rest import.
 */
import { opendir, readFile, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { FileUpload } from '../../../shared/ipc/payloads'
import { MAX_FILES_PER_IMPORT, MAX_IMPORT_BYTES } from '../../../shared/limits'
import { DomainError } from '../domain-error'
import { formatOf } from './formats'
import type { ImportOutcome } from './importer'

/** Entries a folder walk may look at (files of every kind and folders), so a home folder is cheap. */
export const MAX_ENTRIES_WALKED = 50 * MAX_FILES_PER_IMPORT

const tooManyFiles = () =>
  new DomainError(
    'too-many-files',
    `More than ${MAX_FILES_PER_IMPORT} files picked; import at most ${MAX_FILES_PER_IMPORT} at a time.`,
  )

/** A failed system call (no such file, permission denied…): that path's problem, not the app's. */
function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string'
}

function refusal(fileName: string, code: string, error: string): ImportOutcome {
  return { fileName, ok: false, code, error }
}

function unreadable(fileName: string, error: NodeJS.ErrnoException): ImportOutcome {
  const why =
    error.code === 'ENOENT'
      ? 'it is no longer there'
      : error.code === 'EACCES' || error.code === 'EPERM'
        ? 'permission denied'
        : `${error.code ?? 'error'}`
  return refusal(fileName, 'unreadable', `${fileName} could not be read: ${why}.`)
}

/** Importable files under a folder, hidden ones (.git, .DS_Store) skipped, sorted by path. */
async function importableFilesIn(folder: string, refused: ImportOutcome[]): Promise<string[]> {
  const found: string[] = []
  const pending = [folder]
  let looked = 0
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    let entries
    try {
      entries = await opendir(dir)
    } catch (error) {
      if (!isFileSystemError(error) || dir === folder) throw error
      refused.push(unreadable(basename(dir), error))
      continue
    }
    // An opened Dir reads its entries in small batches; leaving the loop early closes it.
    for await (const entry of entries) {
      if (entry.name.startsWith('.')) continue
      if (++looked > MAX_ENTRIES_WALKED) throw tooManyFiles()
      const path = join(dir, entry.name)
      if (entry.isDirectory()) pending.push(path)
      else if (entry.isFile() && formatOf(entry.name)) found.push(path)
      if (found.length > MAX_FILES_PER_IMPORT) throw tooManyFiles()
    }
  }
  return found.sort()
}

/** The files the picked paths stand for: each file itself, each folder's importable files. */
async function expand(paths: readonly string[], refused: ImportOutcome[]): Promise<string[]> {
  const files: string[] = []
  for (const path of paths) {
    try {
      if ((await stat(path)).isDirectory()) files.push(...(await importableFilesIn(path, refused)))
      else files.push(path)
    } catch (error) {
      if (!isFileSystemError(error)) throw error
      refused.push(unreadable(basename(path), error))
    }
    if (files.length > MAX_FILES_PER_IMPORT) throw tooManyFiles()
  }
  return files
}

/** Reads one file unless it is refused: the size is checked before its bytes are read. */
async function readOne(path: string): Promise<FileUpload | ImportOutcome> {
  const fileName = basename(path)
  const tooLarge = () =>
    refusal(
      fileName,
      'too-large',
      `${fileName} is larger than the ${MAX_IMPORT_BYTES / 1024 / 1024} MB import limit.`,
    )
  try {
    const info = await stat(path)
    // A pipe or a device would never end (or block the read): only regular files are read.
    if (!info.isFile()) return refusal(fileName, 'not-a-file', `${fileName} is not a regular file.`)
    if (info.size > MAX_IMPORT_BYTES) return tooLarge()
    const bytes = new Uint8Array(await readFile(path))
    return bytes.byteLength > MAX_IMPORT_BYTES ? tooLarge() : { name: fileName, bytes }
  } catch (error) {
    if (!isFileSystemError(error)) throw error
    return unreadable(fileName, error)
  }
}

export async function readUploads(
  paths: readonly string[],
): Promise<{ uploads: FileUpload[]; refused: ImportOutcome[] }> {
  const refused: ImportOutcome[] = []
  const uploads: FileUpload[] = []
  for (const path of await expand(paths, refused)) {
    const read = await readOne(path)
    if ('bytes' in read) uploads.push(read)
    else refused.push(read)
  }
  return { uploads, refused }
}
