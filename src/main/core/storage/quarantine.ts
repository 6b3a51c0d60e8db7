/**
 * Records that failed validation are never dropped: before the file holding them is rewritten
 * without them, the whole original file is copied here with the reasons, one JSON file per file.
 */
import { readFile } from 'node:fs/promises'
import { writeFileDurably } from './durable-write'
import { absolute, fileStamp, QUARANTINE_DIR, renderJson } from './layout'

export async function quarantineFile(
  dir: string,
  file: string,
  reasons: string[],
  now = new Date(),
): Promise<string> {
  const original = await readFile(absolute(dir, file), 'utf8')
  const name = `${QUARANTINE_DIR}/${fileStamp(now)}-${file.replace(/\//g, '-')}`
  await writeFileDurably(absolute(dir, name), renderJson({ file, reasons, original }))
  return name
}

/** Records of a version-1 file (one big notebook.json) set aside during its migration. */
export async function quarantineRecords(dir: string, records: unknown[], reasons: string[]): Promise<string> {
  const name = `${QUARANTINE_DIR}/${fileStamp(new Date())}-notebook-v1-records.json`
  await writeFileDurably(absolute(dir, name), renderJson({ file: 'notebook.json', reasons, records }))
  return name
}
