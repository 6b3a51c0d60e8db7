/** Reads the files (and, recursively, the folders) the user picked, keeping only importable ones. */
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { FileUpload } from '../../../shared/ipc/payloads'
import { MAX_FILES_PER_IMPORT, MAX_IMPORT_BYTES } from '../../../shared/limits'
import { DomainError } from '../domain-error'
import { formatOf } from './formats'
import type { ImportOutcome } from './importer'

async function expand(path: string): Promise<string[]> {
  if (!(await stat(path)).isDirectory()) return [path]
  const entries = await readdir(path, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && formatOf(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
}

/** Oversized files are refused here, before their bytes are read into memory. */
export async function readUploads(
  paths: readonly string[],
): Promise<{ uploads: FileUpload[]; refused: ImportOutcome[] }> {
  const files = (await Promise.all(paths.map(expand))).flat()
  if (files.length > MAX_FILES_PER_IMPORT) {
    throw new DomainError(
      'too-many-files',
      `${files.length} files picked; import at most ${MAX_FILES_PER_IMPORT} at a time.`,
    )
  }
  const uploads: FileUpload[] = []
  const refused: ImportOutcome[] = []
  for (const path of files) {
    const fileName = basename(path)
    if ((await stat(path)).size > MAX_IMPORT_BYTES) {
      const error = `${fileName} is larger than the ${MAX_IMPORT_BYTES / 1024 / 1024} MB import limit.`
      refused.push({ fileName, ok: false, code: 'too-large', error })
    } else {
      uploads.push({ name: fileName, bytes: new Uint8Array(await readFile(path)) })
    }
  }
  return { uploads, refused }
}
