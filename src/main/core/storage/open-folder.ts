/**
 * Opening a notebook folder: take its lock (or open read-only, saying who holds it), finish an
 * interrupted edit, migrate an older format (after a snapshot), read every record, and set aside
 * what does not validate. Refuses, naming the file and keeping it, when notebook.json is damaged or
 * missing from a folder that was a notebook, and offers the newest good backup.
 */
import { readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { SCHEMA_VERSION, type NotebookData } from '../../../shared/model'
import { DomainError } from '../domain-error'
import { listBackups, type BackupInfo } from './backups'
import { takeBackup } from './snapshot'
import { fingerprintOf, type Fingerprint } from './fingerprint'
import { absolute, BACKUPS_DIR, MANIFEST_FILE, RECORD_FOLDERS, shardPath } from './layout'
import { loadRecords } from './load-records'
import { readNotebookRecords } from './read-folder'
import { readV1, writeAllRecords } from './migrate-v1'
import { lockNotebook, type LockOwner } from './notebook-lock'
import type { StoreProblem } from './problems'
import { quarantineFile, quarantineRecords } from './quarantine'
import { ManifestFile, renderShard } from './record-files'
import { replayJournal } from './journal'
import { sweepTempFiles } from './sweep-temp-files'
import { writeFileDurably } from './durable-write'
import type { ShardKey } from './layout'

export interface OpenedFolder {
  data: NotebookData
  fingerprints: Map<string, Fingerprint>
  problems: StoreProblem[]
  readOnly: string | null
  /** Files to rewrite at once (those whose bad records were set aside). */
  rewrite: ShardKey[]
  release: (() => Promise<void>) | null
  /** The lock's token while this process holds it. */
  lockToken: string | null
}

export function emptyNotebook(name: string): NotebookData {
  return {
    schemaVersion: SCHEMA_VERSION,
    meta: { id: randomUUID(), name, created: new Date().toISOString() },
    sources: [],
    annotations: [],
    tags: [],
    claims: [],
    briefs: [],
  }
}

/** The newest backup whose every file reads and validates, for the "restore" offer. */
export async function newestGoodBackup(dir: string): Promise<BackupInfo | null> {
  for (const backup of await listBackups(dir)) {
    const folder = absolute(dir, `${BACKUPS_DIR}/${backup.id}`)
    try {
      const loaded = await readNotebookRecords(folder)
      if (loaded.damaged.length === 0 && loaded.setAside.length === 0) return backup
    } catch {
      // not a good one: try the next older
    }
  }
  return null
}

const lockedMessage = (owner: LockOwner | null) =>
  owner
    ? `This notebook is open in another Corroborate window (process ${owner.pid} on ${owner.host}, since ${owner.since}). It is open read-only here; close it there to edit it here.`
    : 'This notebook is open in another Corroborate window. It is open read-only here; close it there to edit it here.'

async function refuse(dir: string, code: string, message: string): Promise<never> {
  const backup = await newestGoodBackup(dir)
  const offer = backup ? ` The newest good backup is from ${backup.created}; you can restore it.` : ''
  throw new DomainError(code, `${message}${offer}`, { dir, backup })
}

/** Looks like a notebook was here: its records, its texts or its backups remain. */
async function wasNotebook(dir: string): Promise<boolean> {
  for (const folder of [...Object.values(RECORD_FOLDERS), 'texts', BACKUPS_DIR]) {
    const isFolder = await stat(join(dir, folder)).then(
      (s) => s.isDirectory(),
      () => false,
    )
    if (isFolder) return true
  }
  return false
}

export async function openFolder(
  dir: string,
  name: string,
  onLockLost: (error: Error) => void,
): Promise<OpenedFolder> {
  const lock = await lockNotebook(dir, onLockLost)
  const release = lock.held ? lock.release : null
  try {
    const opened = await openLocked(dir, name, lock.held ? null : lockedMessage(lock.owner), release)
    return { ...opened, lockToken: lock.held ? lock.token : null }
  } catch (error) {
    await release?.()
    throw error
  }
}

async function openLocked(
  dir: string,
  name: string,
  lockedOut: string | null,
  release: (() => Promise<void>) | null,
): Promise<Omit<OpenedFolder, 'lockToken'>> {
  const problems: StoreProblem[] = lockedOut ? [{ kind: 'locked', message: lockedOut }] : []
  const writable = lockedOut === null
  if (writable && (await replayJournal(dir)))
    problems.push({ kind: 'recovered', message: 'An edit interrupted by a crash was completed.' })
  if (writable) await sweepTempFiles(dir)

  const manifestPath = join(dir, MANIFEST_FILE)
  let text: string
  try {
    text = await readFile(manifestPath, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    if (await wasNotebook(dir)) {
      return refuse(
        dir,
        'missing-notebook',
        `${manifestPath} is missing, although the folder holds a notebook's files. Corroborate did not start an empty notebook in its place.`,
      )
    }
    if (!writable) throw new DomainError('missing-notebook', `${manifestPath} does not exist.`)
    const data = emptyNotebook(name)
    const print = await writeFileDurably(manifestPath, renderShard(data, 'manifest')!)
    return {
      data,
      fingerprints: new Map([[MANIFEST_FILE, print]]),
      problems,
      readOnly: null,
      rewrite: [],
      release,
    }
  }

  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    const what = text.trim() === '' ? 'is empty' : 'is not valid JSON (it may have been cut short)'
    return refuse(dir, 'corrupt-notebook', `${manifestPath} ${what}; it was left untouched.`)
  }
  const manifest = ManifestFile.safeParse(raw)
  if (!manifest.success) {
    const issue = manifest.error.issues[0]
    const where = issue ? ` (${issue.path.join('.') || 'top level'}: ${issue.message})` : ''
    return refuse(
      dir,
      'corrupt-notebook',
      `${manifestPath} does not hold a valid notebook${where}; it was left untouched.`,
    )
  }
  const version = manifest.data.schemaVersion

  if (version === 1) return openV1(dir, raw, problems, lockedOut, release)

  const printed = (await fingerprintOf(manifestPath))!
  const loaded = await loadRecords(dir, manifest.data, printed, { freeze: true })
  let readOnly = lockedOut
  if (version > SCHEMA_VERSION) {
    const message = `This notebook was saved by a newer version of Corroborate (format ${version}; this version reads up to ${SCHEMA_VERSION}). It is open read-only; update Corroborate to edit it.`
    problems.push({ kind: 'newer-version', message })
    readOnly ??= message
  }
  for (const { file, reason } of loaded.damaged)
    problems.push({
      kind: 'damaged-file',
      file,
      message: `${file} could not be read: ${reason}. It was kept as it is.`,
    })
  if (loaded.damaged.length > 0) {
    const backup = await newestGoodBackup(dir)
    readOnly ??=
      `${loaded.damaged.length} file(s) of this notebook are damaged, so it is open read-only to keep them as they are.` +
      (backup ? ` The newest good backup is from ${backup.created}: restore it from Backups.` : '')
  }
  const rewrite: ShardKey[] = []
  for (const { file, reasons, key } of loaded.setAside) {
    const message = `${reasons.length} record(s) in ${file} did not validate and were set aside: ${reasons.join('; ')}.`
    if (readOnly) {
      problems.push({ kind: 'quarantined', file, message, quarantineFile: '' })
      continue
    }
    const quarantined = await quarantineFile(dir, file, reasons)
    problems.push({
      kind: 'quarantined',
      file,
      message: `${message} The original is kept in ${quarantined}.`,
      quarantineFile: quarantined,
    })
    // Rewritten without the bad records, or removed when none of its records were good.
    if (key) rewrite.push(key)
    if (key && shardPath(key) !== file) await rm(absolute(dir, file), { force: true })
    if (!key) await rm(absolute(dir, file), { force: true }).then(() => loaded.fingerprints.delete(file))
  }
  return { data: loaded.data, fingerprints: loaded.fingerprints, problems, readOnly, rewrite, release }
}

async function openV1(
  dir: string,
  raw: unknown,
  problems: StoreProblem[],
  lockedOut: string | null,
  release: (() => Promise<void>) | null,
): Promise<Omit<OpenedFolder, 'lockToken'>> {
  let records
  try {
    records = readV1(raw, { freeze: true })
  } catch (error) {
    const issue = error instanceof z.ZodError ? error.issues[0] : undefined
    const where = issue ? ` (${issue.path.join('.') || 'top level'}: ${issue.message})` : ''
    return refuse(
      dir,
      'corrupt-notebook',
      `${join(dir, MANIFEST_FILE)} does not hold a valid notebook${where}; it was left untouched.`,
    )
  }
  if (lockedOut)
    return {
      data: records.data,
      fingerprints: new Map(),
      problems,
      readOnly: lockedOut,
      rewrite: [],
      release,
    }
  const backup = await takeBackup(dir, 'pre-migration')
  if (records.bad.length > 0) {
    const file = await quarantineRecords(dir, records.bad, records.reasons)
    problems.push({
      kind: 'quarantined',
      file: MANIFEST_FILE,
      message: `${records.bad.length} record(s) did not validate and were set aside: ${records.reasons.join('; ')}. They are kept in ${file}.`,
      quarantineFile: file,
    })
  }
  const fingerprints = await writeAllRecords(dir, records.data)
  problems.push({
    kind: 'migrated',
    message: `The notebook was upgraded to format ${SCHEMA_VERSION}; a copy of the old file is kept in backup ${backup.id}.`,
    backupId: backup.id,
  })
  return { data: records.data, fingerprints, problems, readOnly: null, rewrite: [], release }
}
