/**
 * Restoring a backup: snapshot the present first (so a restore can itself be undone), then make the
 * record files exactly those of the backup: each copied back durably, and files the backup does not
 * have removed. Works on a notebook that failed to open, too (its damaged files go into the snapshot).
 */
import { readFile, rm } from 'node:fs/promises'
import pLimit from 'p-limit'
import { DomainError } from '../domain-error'
import { backupDir, listBackups, recordFiles } from './backups'
import { takeBackup } from './snapshot'
import { fsyncFolder, writeFileDurably } from './durable-write'
import { absolute, JOURNAL_FILE, MANIFEST_FILE } from './layout'
import { lockNotebook } from './notebook-lock'

export async function restoreBackupFiles(dir: string, id: string): Promise<void> {
  if (!(await listBackups(dir)).some((b) => b.id === id))
    throw new DomainError('not-found', `There is no backup ${id} in this notebook.`)
  const from = backupDir(dir, id)
  const wanted = await recordFiles(from)
  if (!wanted.includes(MANIFEST_FILE))
    throw new DomainError('not-found', `Backup ${id} holds no notebook.json.`)
  await takeBackup(dir, 'pre-restore')
  await rm(absolute(dir, JOURNAL_FILE), { force: true })
  const keep = new Set(wanted)
  const limit = pLimit(8)
  // Records first, notebook.json last, so an interrupted restore still opens (and can be redone).
  await Promise.all(
    (await recordFiles(dir))
      .filter((file) => !keep.has(file) && file !== MANIFEST_FILE)
      .map((file) => limit(() => rm(absolute(dir, file), { force: true }))),
  )
  await Promise.all(
    wanted
      .filter((file) => file !== MANIFEST_FILE)
      .map((file) =>
        limit(async () =>
          writeFileDurably(absolute(dir, file), await readFile(absolute(from, file)), {
            skipFolderSync: true,
          }),
        ),
      ),
  )
  for (const folder of ['sources', 'claims', 'briefs'])
    await fsyncFolder(absolute(dir, folder)).catch(() => {})
  await writeFileDurably(absolute(dir, MANIFEST_FILE), await readFile(absolute(from, MANIFEST_FILE)))
}

/** Restores a backup into a notebook that is not open (it refused to open), holding its lock meanwhile. */
export async function recoverFolder(dir: string, id: string): Promise<void> {
  const lock = await lockNotebook(dir, () => {})
  if (!lock.held) throw new DomainError('locked', 'That notebook is open in another Corroborate window.')
  try {
    await restoreBackupFiles(dir, id)
  } finally {
    await lock.release()
  }
}
