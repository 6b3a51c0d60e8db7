/**
 * Where each record lives in a notebook folder (schema version 2):
 *
 *   notebook.json            { schemaVersion, meta, tags }   the manifest and the codebook
 *   sources/<id>.json        { source, annotations }          one article's metadata and its highlights
 *   claims/<id>.json         one claim with its links
 *   briefs/<id>.json         one composed brief
 *
 * So saving one annotation rewrites one article's file, however large the notebook grows, and each
 * file is plain, pretty JSON a person can read and diff. Record ids become file names only when they
 * are safe as names everywhere; any other id is named by its hash (the file's content has the id).
 */
import { join } from 'node:path'
import { sha256Hex } from '../sha256'

export const MANIFEST_FILE = 'notebook.json'
export const JOURNAL_FILE = 'journal.json'
export const LOCK_NAME = 'notebook.lock'
/** Who holds the lock (pid, host), for a clear refusal and to take over a crashed holder's lock. */
export const LOCK_OWNER_NAME = 'notebook-owner.lock'
export const BACKUPS_DIR = 'backups'
export const QUARANTINE_DIR = 'quarantine'

export const RECORD_FOLDERS = { source: 'sources', claim: 'claims', brief: 'briefs' } as const
export type RecordKind = keyof typeof RECORD_FOLDERS
export type ShardKey = 'manifest' | `${RecordKind}:${string}`

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/

export function shardKeyOf(kind: RecordKind, id: string): ShardKey {
  return `${kind}:${id}`
}

export function parseShardKey(key: ShardKey): { kind: RecordKind; id: string } | null {
  if (key === 'manifest') return null
  const at = key.indexOf(':')
  return { kind: key.slice(0, at) as RecordKind, id: key.slice(at + 1) }
}

export function fileNameForId(id: string): string {
  return SAFE_ID.test(id) ? `${id}.json` : `id-${sha256Hex(id).slice(0, 40)}.json`
}

/** The file a key is saved in, relative to the notebook folder (always `/`-separated). */
export function shardPath(key: ShardKey): string {
  const parsed = parseShardKey(key)
  if (!parsed) return MANIFEST_FILE
  return `${RECORD_FOLDERS[parsed.kind]}/${fileNameForId(parsed.id)}`
}

export function absolute(dir: string, relativePath: string): string {
  return join(dir, ...relativePath.split('/'))
}

/** A UTC time as a file name can hold it (no colons): 2026-12-01T18-40-00-123Z. */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-')
}

/** Pretty, newline-terminated JSON: the one way every record file is written. */
export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}
