/**
 * The whole notebook as one portable file (`.corroborate`, a zip), and back:
 *
 *   manifest.json          format, versions, counts, and the SHA-256 of every other entry
 *   notebook.json          the notebook data, pretty-printed in the schema's key order
 *   texts/<sha256>.txt     \
 *   structure/<sha256>.json > the blobs the notebook references, byte for byte as in its folder
 *   originals/<sha256>     /
 *
 * Export is deterministic (fixed entry order, fixed entry dates; only the manifest's `exported`
 * stamp varies, and the caller may fix it), so two exports of one notebook can be compared byte for
 * byte. Import trusts nothing: every check runs before the first byte is written, and a refused or
 * failed import leaves the target folder without a notebook.json.
 */
import { access, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import JSZip from 'jszip'
import { z } from 'zod'
import { DocumentStructure, NotebookData, SCHEMA_VERSION } from '../../shared/model'
import { DomainError } from './domain-error'
import { checkZipSafe } from './import/zip-guard'
import type { ZipLimits } from './import/zip-guard'
import { NotebookStore } from './notebook-store'
import { sha256Hex } from './sha256'

export const ARCHIVE_FORMAT = 'corroborate-archive'
export const ARCHIVE_VERSION = 1
export const ARCHIVE_EXTENSION = '.corroborate'

const MANIFEST = 'manifest.json'
const NOTEBOOK = 'notebook.json'
const BLOB_FOLDERS = ['texts', 'structure', 'originals'] as const
/** Everything a store writes in a new notebook folder, removed again if the import fails. */
const NOTEBOOK_FOLDERS = [...BLOB_FOLDERS, 'sources', 'claims', 'briefs', 'backups', 'quarantine'] as const

/** DOS time starts in 1980; a constant date keeps the bytes independent of when the export ran. */
const ENTRY_DATE = new Date(Date.UTC(1980, 0, 1))

const GB = 1024 * 1024 * 1024

/**
 * A whole notebook is far bigger than one DOCX, so the guard's defaults would refuse honest
 * archives. These still stop a bomb: nothing unpacks past 2 GB in all.
 */
const ARCHIVE_LIMITS: ZipLimits = {
  maxEntries: 200_000,
  maxTotalUncompressed: 2 * GB,
  maxEntryUncompressed: GB / 2,
  // notebook.json is repetitive JSON; the total above is what really bounds memory.
  maxRatio: 1000,
}

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/)

const ManifestEntry = z.object({ path: z.string(), bytes: z.number().int().nonnegative(), sha256: Sha256 })

/** An array rather than a path-keyed object: hostile keys such as `__proto__` have nowhere to go. */
const Manifest = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_VERSION),
  schemaVersion: z.number().int().positive(),
  exported: z.string(),
  /** Informational, for a person or tool reading the manifest; import does not rely on them. */
  counts: z.record(z.string(), z.number().int().nonnegative()),
  entries: z.array(ManifestEntry),
})
export type ArchiveManifest = z.infer<typeof Manifest>

export interface ExportOptions {
  /** The manifest's `exported` stamp; fix it to make two exports byte-identical. */
  exported?: Date
}

const utf8 = new TextEncoder()
// fatal: a text that is not valid UTF-8 cannot be what the notebook stored. ignoreBOM: keep a
// leading BOM as a character, or the text would no longer hash to its name.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

// ---------------------------------------------------------------------------------------------------
// Export

/** The blobs a notebook references, sorted so the archive's entry order is fixed. */
function referencedBlobs(data: NotebookData): string[] {
  const paths = new Set<string>()
  for (const source of data.sources) {
    paths.add(`texts/${source.textSha256}.txt`)
    paths.add(`structure/${source.textSha256}.json`)
    paths.add(`originals/${source.originalSha256}`)
  }
  return [...paths].sort()
}

/** A blob's bytes, or null for a structure the notebook does not have (or could not use). */
async function readBlob(dir: string, path: string): Promise<Uint8Array | null> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(join(dir, path))
  } catch {
    if (path.startsWith('structure/')) return null // plain texts have no structure
    throw new DomainError(
      'archive-export-failed',
      `${path} is missing from the notebook folder, so the notebook cannot be archived whole.`,
    )
  }
  if (path.startsWith('structure/')) {
    // The reader ignores a structure it cannot parse; the archive leaves it out rather than carry
    // a file that import would refuse.
    return structureOf(bytes) ? bytes : null
  }
  if (sha256Hex(bytes) !== shaInName(path)) {
    throw new DomainError(
      'archive-export-failed',
      `${path} in the notebook folder no longer matches its checksum name: it was altered on disk.`,
    )
  }
  return bytes
}

function shaInName(path: string): string {
  return path.slice(path.indexOf('/') + 1).replace(/\.(txt|json)$/, '')
}

function structureOf(bytes: Uint8Array): unknown {
  try {
    const raw: unknown = JSON.parse(strictUtf8.decode(bytes))
    return DocumentStructure.safeParse(raw).success ? raw : null
  } catch {
    return null
  }
}

export async function exportArchive(store: NotebookStore, options: ExportOptions = {}): Promise<Uint8Array> {
  // Parsing puts every object's keys in the schema's order, so the JSON does not depend on which
  // code path built each object, and a notebook imported from an archive exports the same again.
  const data = NotebookData.parse(store.data)
  const entries: Array<[string, Uint8Array]> = [[NOTEBOOK, utf8.encode(`${JSON.stringify(data, null, 2)}\n`)]]
  for (const path of referencedBlobs(data)) {
    const bytes = await readBlob(store.dir, path)
    if (bytes) entries.push([path, bytes])
  }
  const count = (folder: string) => entries.filter(([path]) => path.startsWith(`${folder}/`)).length
  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    schemaVersion: data.schemaVersion,
    exported: (options.exported ?? new Date()).toISOString(),
    counts: {
      sources: data.sources.length,
      annotations: data.annotations.length,
      claims: data.claims.length,
      tags: data.tags.length,
      texts: count('texts'),
      structures: count('structure'),
      originals: count('originals'),
    },
    entries: entries.map(([path, bytes]) => ({ path, bytes: bytes.byteLength, sha256: sha256Hex(bytes) })),
  }
  entries.unshift([MANIFEST, utf8.encode(`${JSON.stringify(manifest, null, 2)}\n`)])
  const zip = new JSZip()
  for (const [path, bytes] of entries) {
    // createFolders: false, or JSZip adds folder entries stamped with the current time.
    zip.file(path, bytes, { date: ENTRY_DATE, createFolders: false, binary: true })
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', platform: 'DOS' })
}

// ---------------------------------------------------------------------------------------------------
// Import

const damaged = (why: string) => new DomainError('archive-damaged', `The archive was refused: ${why}.`)

/** A name that would land outside the target folder if anything ever unpacked it by name (zip-slip). */
function isUnsafePath(name: string): boolean {
  return (
    name.includes('\\') ||
    name.includes('\0') ||
    name.startsWith('/') ||
    /^[a-zA-Z]:/.test(name) ||
    name.split('/').includes('..')
  )
}

/**
 * Reads the directory (nothing is inflated yet) and refuses unsafe names. This runs before the zip
 * guard because the guard's reader rejects such names too, but only as a generic "damaged archive".
 */
async function openArchive(bytes: Uint8Array): Promise<Map<string, JSZip.JSZipObject>> {
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes, { createFolders: false })
  } catch (error) {
    throw new DomainError(
      'not-archive',
      'This file is not a Corroborate archive: it is not a zip file, or it is damaged.',
      error,
    )
  }
  const files = new Map<string, JSZip.JSZipObject>()
  for (const entry of Object.values(zip.files)) {
    // JSZip quietly rewrites "a/../b" to "b"; the name as written is the one to judge.
    const name = entry.unsafeOriginalName ?? entry.name
    if (isUnsafePath(name)) {
      throw new DomainError(
        'archive-unsafe',
        `The archive was refused: the entry "${name}" points outside its folder.`,
      )
    }
    // "./a" or "a//b": harmless once resolved, but nothing this app writes; two spellings of one
    // name would let the entry checked and the entry read be different ones.
    if (!entry.dir && name !== entry.name) throw damaged(`the entry "${name}" is not a plain path`)
    // Folder entries carry nothing; tools that re-zip a folder add them.
    if (!entry.dir) files.set(entry.name, entry)
  }
  return files
}

async function guardAgainstBombs(bytes: Uint8Array): Promise<void> {
  try {
    await checkZipSafe(bytes, 'The archive', ARCHIVE_LIMITS)
  } catch (error) {
    if (error instanceof DomainError && error.code === 'zip-bomb') throw error
    // The guard's other messages speak of Word documents, its first customer.
    const detail = error instanceof Error ? error.message : String(error)
    throw new DomainError(
      'not-archive',
      'This file is not a readable Corroborate archive: the zip is damaged.',
      detail,
    )
  }
}

function parseJson(bytes: Uint8Array, path: string): unknown {
  try {
    return JSON.parse(strictUtf8.decode(bytes))
  } catch {
    throw damaged(`${path} is not valid JSON`)
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

async function readManifest(files: Map<string, JSZip.JSZipObject>): Promise<ArchiveManifest> {
  const entry = files.get(MANIFEST)
  if (!entry) {
    throw new DomainError('not-archive', 'This file is not a Corroborate archive: it has no manifest.json.')
  }
  const raw = parseJson(await entry.async('uint8array'), MANIFEST)
  // Format and version first: a later version may shape the rest differently.
  if (!isRecord(raw) || raw.format !== ARCHIVE_FORMAT) {
    throw new DomainError(
      'not-archive',
      'This file is not a Corroborate archive: its manifest names another format.',
    )
  }
  if (typeof raw.version === 'number' && raw.version > ARCHIVE_VERSION) {
    throw new DomainError(
      'archive-too-new',
      'This archive was made by a newer version of Corroborate: update to open it.',
    )
  }
  if (typeof raw.schemaVersion === 'number' && raw.schemaVersion > SCHEMA_VERSION) {
    throw new DomainError(
      'archive-too-new',
      `This archive holds a notebook of a newer kind (schema ${raw.schemaVersion}): update Corroborate to open it.`,
    )
  }
  const parsed = Manifest.safeParse(raw)
  if (!parsed.success) throw damaged(`its manifest.json is malformed (${firstIssue(parsed.error)})`)
  return parsed.data
}

function firstIssue(error: z.ZodError): string {
  const first = error.issues[0]
  return first ? `${first.path.join('.') || 'top level'}: ${first.message}` : 'invalid'
}

/** Inflates every entry the manifest lists and checks it against the manifest; the manifest and the zip must agree. */
async function verifiedEntries(
  files: Map<string, JSZip.JSZipObject>,
  manifest: ArchiveManifest,
): Promise<Map<string, Uint8Array>> {
  const listed = new Set<string>()
  for (const { path } of manifest.entries) {
    if (listed.has(path) || path === MANIFEST) throw damaged(`its manifest lists ${path} twice`)
    listed.add(path)
  }
  for (const name of files.keys()) {
    if (name !== MANIFEST && !listed.has(name)) throw damaged(`${name} is not listed in its manifest`)
  }
  const contents = new Map<string, Uint8Array>()
  for (const { path, sha256 } of manifest.entries) {
    const entry = files.get(path)
    if (!entry) throw damaged(`${path} is listed in its manifest but missing`)
    const bytes = await entry.async('uint8array')
    if (sha256Hex(bytes) !== sha256) {
      throw damaged(`${path} does not match its checksum in the manifest; the archive was damaged or altered`)
    }
    contents.set(path, bytes)
  }
  return contents
}

function readNotebook(contents: Map<string, Uint8Array>): NotebookData {
  const bytes = contents.get(NOTEBOOK)
  if (!bytes) throw damaged('it holds no notebook.json')
  const raw = parseJson(bytes, NOTEBOOK) as { schemaVersion?: unknown } | null
  // An archive's notebook.json holds the whole notebook: formats 1 and 2 differ only on disk.
  const upgraded = raw && raw.schemaVersion === 1 ? { ...raw, schemaVersion: SCHEMA_VERSION } : raw
  const parsed = NotebookData.safeParse(upgraded)
  if (!parsed.success)
    throw damaged(`its notebook.json is not a valid notebook (${firstIssue(parsed.error)})`)
  return parsed.data
}

type ArchivedBlob =
  | { kind: 'text'; sha: string; text: string }
  | { kind: 'structure'; sha: string; structure: DocumentStructure }
  | { kind: 'original'; sha: string; bytes: Uint8Array }

/** Checks that the archive holds exactly the blobs the notebook references, each what its name says. */
function readBlobs(data: NotebookData, contents: Map<string, Uint8Array>): ArchivedBlob[] {
  const referenced = new Set(referencedBlobs(data))
  for (const path of contents.keys()) {
    if (path !== NOTEBOOK && !referenced.has(path)) throw damaged(`${path} is not part of the notebook`)
  }
  const blobs: ArchivedBlob[] = []
  for (const path of referenced) {
    const bytes = contents.get(path)
    const sha = shaInName(path)
    if (path.startsWith('structure/')) {
      if (!bytes) continue // optional
      const structure = structureOf(bytes)
      if (!structure) throw damaged(`${path} is not a valid document structure`)
      // The parsed JSON as written, not zod's output: putStructure re-serialises it, and the same
      // object gives the same bytes, so a re-export matches this archive.
      blobs.push({ kind: 'structure', sha, structure: structure as DocumentStructure })
      continue
    }
    if (!bytes) throw damaged(`${path}, which the notebook needs, is missing`)
    // The manifest vouches for the bytes; the name must vouch for the content, as in the notebook folder.
    if (sha256Hex(bytes) !== sha) throw damaged(`${path} does not hold what its name says`)
    if (path.startsWith('originals/')) {
      blobs.push({ kind: 'original', sha, bytes })
      continue
    }
    try {
      blobs.push({ kind: 'text', sha, text: strictUtf8.decode(bytes) })
    } catch {
      throw damaged(`${path} is not valid UTF-8 text`)
    }
  }
  return blobs
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  )
}

async function putBlob(store: NotebookStore, blob: ArchivedBlob): Promise<void> {
  if (blob.kind === 'structure') return store.putStructure(blob.sha, blob.structure)
  const sha = blob.kind === 'text' ? await store.putText(blob.text) : await store.putOriginal(blob.bytes)
  // Cannot differ after readBlobs' checks; a mismatch here would be a bug, not a bad archive.
  if (sha !== blob.sha) throw new Error(`Stored blob ${sha} where ${blob.sha} was expected`)
}

/** Writes the notebook; on any failure removes what it wrote, so the folder is not left half a notebook. */
async function writeNotebook(
  targetDir: string,
  data: NotebookData,
  blobs: ArchivedBlob[],
): Promise<NotebookStore> {
  const newFolders: string[] = []
  for (const folder of NOTEBOOK_FOLDERS) if (!(await exists(join(targetDir, folder)))) newFolders.push(folder)
  let store: NotebookStore | null = null
  try {
    store = await NotebookStore.open(targetDir, data.meta.name)
    for (const blob of blobs) await putBlob(store, blob)
    await store.update((draft) => Object.assign(draft, data))
    return store
  } catch (error) {
    if (store) {
      await store.close().catch(() => {})
      await rm(store.file, { force: true })
    }
    for (const folder of newFolders) await rm(join(targetDir, folder), { recursive: true, force: true })
    if (error instanceof DomainError) throw error
    const detail = error instanceof Error ? error.message : String(error)
    throw new DomainError(
      'archive-write-failed',
      `The notebook could not be written to ${targetDir} (${detail}); nothing was kept.`,
      error,
    )
  }
}

/**
 * Imports an archive into `targetDir`, which must not already hold a notebook. Refuses with a
 * DomainError: 'target-has-notebook', 'not-archive', 'archive-unsafe' (zip-slip), 'zip-bomb',
 * 'archive-too-new', 'archive-damaged' (checksum, notebook or blob invalid), 'archive-write-failed'.
 */
export async function importArchive(bytes: Uint8Array, targetDir: string): Promise<NotebookStore> {
  if (await NotebookStore.exists(targetDir)) {
    throw new DomainError(
      'target-has-notebook',
      `${targetDir} already holds a notebook; import the archive into an empty folder.`,
    )
  }
  const files = await openArchive(bytes)
  await guardAgainstBombs(bytes)
  const manifest = await readManifest(files)
  const contents = await verifiedEntries(files, manifest)
  const data = readNotebook(contents)
  const blobs = readBlobs(data, contents)
  return writeNotebook(targetDir, data, blobs)
}
