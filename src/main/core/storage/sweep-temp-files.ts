/**
 * A write killed part way leaves its temp file (`.<name>.<uuid>.tmp`) behind; the rename that would
 * have replaced the real file never happened, so the temp file holds nothing anyone needs. They are
 * removed when the notebook is next opened by the process that holds its lock, as are the hidden
 * folders of snapshots a crash cut short (`backups/.<id>.partial`, see snapshot.ts).
 */
import { readdir, rm } from 'node:fs/promises'
import { PARTIAL_BACKUP } from './backups'
import { absolute, BACKUPS_DIR, RECORD_FOLDERS } from './layout'

/** `.<name>.<uuid>.tmp` for record files, `<sha>.<uuid>.tmp` for blobs. */
const TEMP_FILE = /\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.tmp$/

export async function sweepTempFiles(dir: string): Promise<number> {
  let removed = 0
  for (const folder of [
    '',
    ...Object.values(RECORD_FOLDERS),
    'texts',
    'structure',
    'originals',
    'analysis',
  ]) {
    let names: string[]
    try {
      names = await readdir(folder ? absolute(dir, folder) : dir)
    } catch {
      continue
    }
    for (const name of names.filter((n) => TEMP_FILE.test(n))) {
      await rm(absolute(dir, folder ? `${folder}/${name}` : name), { force: true })
      removed++
    }
  }
  const backups = await readdir(absolute(dir, BACKUPS_DIR)).catch(() => [])
  for (const name of backups.filter((n) => PARTIAL_BACKUP.test(n))) {
    await rm(absolute(dir, `${BACKUPS_DIR}/${name}`), { recursive: true, force: true })
    removed++
  }
  return removed
}
