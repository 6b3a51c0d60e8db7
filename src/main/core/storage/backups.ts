/**
 * Snapshots of a notebook's record files in `backups/<id>/`, laid out like the notebook itself so a
 * backup opens with the same loader. Record files are only ever replaced by rename, never changed in
 * place, so a snapshot hard-links them: instant and free until the notebook moves on. (Texts and
 * originals are content-addressed and never removed, so the snapshot need not hold them.) Taking
 * one is snapshot.ts; this module names, lists and prunes them.
 *
 * Kept: the ten newest automatic snapshots plus the newest of each of the last seven days, and the
 * five newest of each kind taken before a migration or a restore.
 */
import { readdir, rm } from 'node:fs/promises'
import { absolute, BACKUPS_DIR, MANIFEST_FILE, RECORD_FOLDERS } from './layout'

export const BACKUP_KINDS = ['auto', 'pre-migration', 'pre-restore', 'pre-recovery'] as const
export type BackupKind = (typeof BACKUP_KINDS)[number]

export interface BackupInfo {
  id: string
  kind: BackupKind
  /** UTC ISO time the snapshot was taken. */
  created: string
}

const KEEP_AUTO = 10
const KEEP_DAYS = 7
const KEEP_OTHER = 5

const ID = /^(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z)-([a-z-]+)$/

export function parseBackupId(id: string): BackupInfo | null {
  const match = ID.exec(id)
  if (!match || !(BACKUP_KINDS as readonly string[]).includes(match[2]!)) return null
  const [date, time] = match[1]!.split('T') as [string, string]
  const [h, m, s, ms] = time.slice(0, -1).split('-')
  return { id, kind: match[2] as BackupKind, created: `${date}T${h}:${m}:${s}.${ms}Z` }
}

export async function listBackups(dir: string): Promise<BackupInfo[]> {
  let names: string[]
  try {
    names = await readdir(absolute(dir, BACKUPS_DIR))
  } catch {
    return []
  }
  return names
    .flatMap((name) => parseBackupId(name) ?? [])
    .sort((a, b) => b.created.localeCompare(a.created) || b.id.localeCompare(a.id))
}

export function backupDir(dir: string, id: string): string {
  return absolute(dir, `${BACKUPS_DIR}/${id}`)
}

/** Where backup `id` is built until every file is in it (see snapshot.ts). */
export function partialBackupDir(dir: string, id: string): string {
  return absolute(dir, `${BACKUPS_DIR}/.${id}.partial`)
}

/** A snapshot a crash cut short: never listed, removed on the next open. */
export const PARTIAL_BACKUP = /^\..+\.partial$/

/** Every record file of the notebook in `dir`, relative to it. */
export async function recordFiles(dir: string): Promise<string[]> {
  const files = [MANIFEST_FILE]
  for (const folder of Object.values(RECORD_FOLDERS)) {
    try {
      const names = await readdir(absolute(dir, folder))
      files.push(
        ...names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).map((n) => `${folder}/${n}`),
      )
    } catch {
      // a notebook without claims or briefs has no such folder
    }
  }
  return files
}

export async function pruneBackups(dir: string): Promise<void> {
  const all = await listBackups(dir)
  const keep = new Set<string>()
  const autos = all.filter((b) => b.kind === 'auto')
  autos.slice(0, KEEP_AUTO).forEach((b) => keep.add(b.id))
  const days = new Set<string>()
  for (const backup of autos) {
    const day = backup.created.slice(0, 10)
    if (days.size >= KEEP_DAYS && !days.has(day)) break
    if (!days.has(day)) keep.add(backup.id)
    days.add(day)
  }
  for (const kind of BACKUP_KINDS.filter((k) => k !== 'auto'))
    all
      .filter((b) => b.kind === kind)
      .slice(0, KEEP_OTHER)
      .forEach((b) => keep.add(b.id))
  for (const backup of all)
    if (!keep.has(backup.id)) await rm(backupDir(dir, backup.id), { recursive: true, force: true })
}
