/**
 * Reads a version-2 notebook folder (or a backup of one) into memory. Every record is validated on
 * its own: one that does not fit the schema is set aside (quarantined) and reported, and the rest
 * load. A file that is not JSON at all is reported as damaged and left exactly as it is.
 */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import type { z } from 'zod'
import { Annotation, BriefDraft, Claim, Source, Tag, type NotebookData } from '../../../shared/model'
import { absolute, MANIFEST_FILE, RECORD_FOLDERS } from './layout'
import type { ManifestFile } from './record-files'
import { SourceFile } from './record-files'
import type { Fingerprint } from './fingerprint'
import type { ShardKey } from './layout'
import { compareRecords } from './record-order'
import { deepFreeze } from './frozen'

export interface SetAside {
  /** The file the records came from, relative to the notebook folder. */
  file: string
  /** Why, one line per record, e.g. "annotation 3 (target.position.start): expected number". */
  reasons: string[]
  /** The file's key if good records remain in it (it is rewritten without the bad), else null. */
  key: ShardKey | null
}

export interface LoadedRecords {
  data: NotebookData
  /** Files whose records failed validation: they are copied to quarantine before being rewritten. */
  setAside: SetAside[]
  /** Files that could not be read as JSON of the right shape: kept as they are; the notebook is read-only. */
  damaged: Array<{ file: string; reason: string }>
  fingerprints: Map<string, Fingerprint>
}

const firstIssue = (error: z.ZodError) => {
  const issue = error.issues[0]
  return issue ? `${issue.path.join('.') || 'top level'}: ${issue.message}` : 'invalid'
}

interface ReadFile {
  file: string
  json: unknown
  fingerprint: Fingerprint
}

/**
 * Reads one record file with synchronous calls: at 10,000 files, the promise and thread-pool round
 * trips of four async calls per file cost more than the reads. Callers yield between batches.
 */
function readJsonFile(dir: string, file: string): ReadFile | { file: string; error: string } {
  let fd: number | null = null
  try {
    fd = openSync(absolute(dir, file), 'r')
    const stats = fstatSync(fd)
    const text = readFileSync(fd, 'utf8')
    const fingerprint = { mtimeMs: stats.mtimeMs, size: stats.size }
    try {
      return { file, json: JSON.parse(text), fingerprint }
    } catch {
      return {
        file,
        error: text.trim() === '' ? 'the file is empty' : 'the file is not valid JSON (truncated?)',
      }
    }
  } catch (error) {
    return { file, error: `the file cannot be read (${(error as NodeJS.ErrnoException).code ?? error})` }
  } finally {
    if (fd !== null) closeSync(fd)
  }
}

/**
 * Reads files in batches, giving the event loop a turn between them (open never freezes the app),
 * and hands each to `take` as soon as it is read: the raw JSON is then garbage while still young,
 * which the garbage collector frees for nothing, instead of 100 MB of it surviving into the old
 * generation until every file is read.
 */
async function readJsonFiles(
  dir: string,
  files: string[],
  take: (read: ReturnType<typeof readJsonFile>) => void,
): Promise<void> {
  for (let at = 0; at < files.length; at += 256) {
    for (const file of files.slice(at, at + 256)) take(readJsonFile(dir, file))
    await new Promise((resolve) => setImmediate(resolve))
  }
}

async function listRecordFiles(dir: string, folder: string): Promise<string[]> {
  try {
    const names = await readdir(absolute(dir, folder))
    // Temp files of an interrupted write start with a dot and end in .tmp: never records.
    return names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).map((n) => `${folder}/${n}`)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}

function validRecord<T>(schema: z.ZodType<T>, raw: unknown, label: string, reasons: string[]): T | null {
  const parsed = schema.safeParse(raw)
  if (parsed.success) return parsed.data
  reasons.push(`${label} (${firstIssue(parsed.error)})`)
  return null
}

/**
 * Reads the records of the notebook in `dir`, given its already-parsed manifest. With `freeze`,
 * each record comes out deeply frozen, as a store keeps them (see frozen.ts): freezing each while
 * it is still in the cache costs far less than a pass over 100,000 of them afterwards.
 */
export async function loadRecords(
  dir: string,
  manifest: ManifestFile,
  manifestPrint: Fingerprint,
  { freeze = false } = {},
): Promise<LoadedRecords> {
  const setAside: SetAside[] = []
  const damaged: LoadedRecords['damaged'] = []
  const fingerprints = new Map<string, Fingerprint>([[MANIFEST_FILE, manifestPrint]])
  const noteReasons = (file: string, reasons: string[], key: ShardKey | null) =>
    reasons.length && setAside.push({ file, reasons, key })
  const validate = <T>(schema: z.ZodType<T>, raw: unknown, label: string, reasons: string[]) => {
    const record = validRecord(schema, raw, label, reasons)
    return freeze && record ? deepFreeze(record) : record
  }

  const tagReasons: string[] = []
  const tags = manifest.tags.flatMap((raw, i) => validate(Tag, raw, `tag ${i + 1}`, tagReasons) ?? [])
  noteReasons(MANIFEST_FILE, tagReasons, 'manifest')

  const readAll = async (folder: string, take: (read: ReturnType<typeof readJsonFile>) => void) =>
    readJsonFiles(dir, await listRecordFiles(dir, folder), take)

  const sources: Source[] = []
  const annotationsBySource: Annotation[][] = []
  await readAll(RECORD_FOLDERS.source, (read) => {
    if ('error' in read) {
      damaged.push({ file: read.file, reason: read.error })
      return
    }
    const shape = SourceFile.safeParse(read.json)
    if (!shape.success) {
      damaged.push({ file: read.file, reason: `it is not a source file (${firstIssue(shape.error)})` })
      return
    }
    fingerprints.set(read.file, read.fingerprint)
    const reasons: string[] = []
    const source = shape.data.source === null ? null : validate(Source, shape.data.source, 'source', reasons)
    if (shape.data.source !== null && !source) {
      // Without its source an article's highlights cannot be shown: they are set aside with it.
      reasons.push(`${shape.data.annotations.length} annotation(s) of that source`)
      noteReasons(read.file, reasons, null)
      return
    }
    if (source) sources.push(source)
    const annotations = shape.data.annotations.flatMap(
      (raw, i) => validate(Annotation, raw, `annotation ${i + 1}`, reasons) ?? [],
    )
    annotationsBySource.push(annotations)
    const id = source?.id ?? annotations[0]?.sourceId
    noteReasons(read.file, reasons, id === undefined ? null : `source:${id}`)
  })

  const single =
    <T>(into: T[], schema: z.ZodType<T>, label: string) =>
    (read: ReturnType<typeof readJsonFile>) => {
      if ('error' in read) {
        damaged.push({ file: read.file, reason: read.error })
        return
      }
      fingerprints.set(read.file, read.fingerprint)
      const reasons: string[] = []
      const record = validate(schema, read.json, label, reasons)
      noteReasons(read.file, reasons, null)
      if (record) into.push(record)
    }
  const claims: Claim[] = []
  const briefs: BriefDraft[] = []
  await readAll(RECORD_FOLDERS.claim, single(claims, Claim, 'claim'))
  await readAll(RECORD_FOLDERS.brief, single(briefs, BriefDraft, 'brief'))

  sources.sort(compareRecords)
  const annotations = annotationsBySource.flat().sort(compareRecords)
  claims.sort(compareRecords)
  briefs.sort(compareRecords)
  const data: NotebookData = {
    schemaVersion: manifest.schemaVersion as NotebookData['schemaVersion'],
    meta: manifest.meta,
    sources,
    annotations,
    tags,
    claims,
    briefs,
  }
  return { data, setAside, damaged, fingerprints }
}
