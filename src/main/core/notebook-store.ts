/**
 * A notebook is a folder the user owns (see storage/layout.ts for the record files):
 *
 *   notebook.json, sources/, claims/, briefs/   the records, one small JSON file each
 *   texts/<sha256>.txt        each source's extracted text, named by the SHA-256 of that text
 *   originals/<sha256>        the bytes as imported, named by their SHA-256
 *   structure/<sha256>.json   blocks (headings, list items, pages) and links over a text
 *   backups/, quarantine/     snapshots, and records that failed validation
 *
 * Only main writes, and only through `update`, which finds what an edit changed by identity
 * (committed records are frozen), validates just those records, and saves just their files.
 */
import { mkdir, readFile, access } from 'node:fs/promises'
import { join } from 'node:path'
import {
  Annotation,
  BriefDraft,
  Claim,
  DocumentStructure,
  Source,
  Tag,
  type NotebookData,
} from '../../shared/model'
import { DomainError } from './domain-error'
import { sha256Hex } from './sha256'
import { draftOf, freezeCommitted, freezeLoaded, prepareDraftCopies, settleDraft } from './storage/frozen'
import { diffNotebook, type NotebookChanges } from './storage/record-diff'
import { keepOrdered } from './storage/record-order'
import { carryIndex, indexList } from './storage/id-index'
import { AnnotationGroups } from './storage/annotation-groups'
import { RecordWriter, type SaveState } from './storage/record-writer'
import { renderShard } from './storage/record-files'
import { MANIFEST_FILE } from './storage/layout'
import { openFolder, type OpenedFolder } from './storage/open-folder'
import type { StoreProblem, StoreStatus } from './storage/problems'
import { listBackups, type BackupInfo, type BackupKind } from './storage/backups'
import { Snapshot, type BackupPace } from './storage/snapshot'
import { restoreBackupFiles } from './storage/restore'
import { writeFileDurably } from './storage/durable-write'
import { lockNotebook } from './storage/notebook-lock'

export { emptyNotebook } from './storage/open-folder'
export const NOTEBOOK_FILE = MANIFEST_FILE

/** How often a snapshot is taken while the notebook is being edited. */
const AUTO_BACKUP_MS = 10 * 60_000

export interface StoreOptions {
  /** Awaited before a snapshot links each file in the background; tests hold it up to see that saves do not wait. */
  backupPace?: BackupPace
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  )
}

export class NotebookStore {
  // All set by adopt(), from the constructor and again after a restore.
  private committed!: NotebookData
  private writer!: RecordWriter
  private readonly problemList: StoreProblem[] = []
  private readOnlyReason: string | null = null
  private release: (() => Promise<void>) | null = null
  private saveState: SaveState = { state: 'saved' }
  private lastBackup = 0
  private readonly listeners = new Set<(status: StoreStatus) => void>()
  private closed = false
  /** Each source's annotations, kept from one commit to the next: a source's file renders without a scan. */
  private groups!: AnnotationGroups
  private lockToken: string | null = null

  private constructor(
    readonly dir: string,
    opened: OpenedFolder,
    private readonly options: StoreOptions,
  ) {
    this.adopt(opened)
  }

  /** Takes on what opening the folder found: its data, lock, problems and files' fingerprints. */
  private adopt(opened: OpenedFolder): void {
    this.committed = freezeLoaded(opened.data)
    const loaded = this.committed
    prepareDraftCopies(loaded, 'now', () => this.committed === loaded)
    // Indexed now, so the first save does not build them (100,000 annotations: a long stall).
    for (const list of ['sources', 'annotations', 'tags', 'claims', 'briefs'] as const)
      indexList(this.committed[list])
    this.groups = new AnnotationGroups(this.committed.annotations)
    this.problemList.splice(0, this.problemList.length, ...opened.problems)
    this.readOnlyReason = opened.readOnly
    this.release = opened.release
    this.lockToken = opened.lockToken
    this.writer = this.makeWriter(opened)
  }

  private makeWriter(opened: OpenedFolder): RecordWriter {
    return new RecordWriter(
      this.dir,
      (key) => renderShard(this.committed, key, this.groups),
      opened.fingerprints,
      (state) => {
        this.saveState = state
        if (state.state === 'failed') {
          this.problemList.push({ kind: 'save-failed', message: state.error.message })
          this.readOnlyReason ??= state.error.message
        }
        this.notify()
      },
    )
  }

  /**
   * Opens the notebook in `dir`, creating an empty one (named `name`) if the folder holds none.
   * Opens read-only when another process holds the notebook, when it is from a newer version, or
   * when some of its files are damaged; refuses (DomainError) when notebook.json is damaged or gone.
   */
  static async open(dir: string, name = 'Notebook', options: StoreOptions = {}): Promise<NotebookStore> {
    await mkdir(dir, { recursive: true })
    let store: NotebookStore | null = null
    const opened = await openFolder(dir, name, (error) => void store?.lockLost(error))
    store = new NotebookStore(dir, opened, options)
    if (opened.rewrite.length > 0) await store.writer.save(opened.rewrite)
    return store
  }

  static async exists(dir: string): Promise<boolean> {
    return exists(join(dir, NOTEBOOK_FILE))
  }

  /** The manifest file (notebook.json). */
  get file(): string {
    return join(this.dir, NOTEBOOK_FILE)
  }

  /** The current data, deeply frozen: change it through `update`. */
  get data(): Readonly<NotebookData> {
    return this.committed
  }

  get status(): StoreStatus {
    return {
      dir: this.dir,
      readOnly: this.readOnlyReason,
      problems: [...this.problemList],
      saving: this.saveState.state === 'saving',
    }
  }

  /** Calls `listener` with what each edit changed, as it is committed (search keeps its index by it). */
  onCommit(listener: (changes: NotebookChanges, data: Readonly<NotebookData>) => void): () => void {
    this.commitListeners.add(listener)
    return () => this.commitListeners.delete(listener)
  }
  private readonly commitListeners = new Set<
    (changes: NotebookChanges, data: Readonly<NotebookData>) => void
  >()

  /** Calls `listener` whenever saving starts or ends, or the notebook becomes read-only. */
  onStatus(listener: (status: StoreStatus) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private notify(): void {
    const status = this.status
    for (const listener of this.listeners) listener(status)
  }

  /**
   * proper-lockfile reports a lock compromised when it could not refresh it in time (the process was
   * busy) or the lock folder went away. Take it back when nobody else holds it; only when another
   * process does is this notebook read-only from now on.
   */
  private async lockLost(error: Error): Promise<void> {
    if (this.closed) return
    const again = await lockNotebook(
      this.dir,
      (next) => void this.lockLost(next),
      this.lockToken ?? undefined,
    ).catch(() => null)
    if (again?.held) {
      this.release = again.release
      this.lockToken = again.token
      return
    }
    this.readOnlyReason ??= `Corroborate lost its hold on this notebook (${error.message}) and another window has it now; it is read-only here. Reopen it to edit.`
    this.notify()
  }

  private assertWritable(): void {
    if (this.closed) throw new DomainError('read-only', 'This notebook has been closed.')
    if (this.readOnlyReason) throw new DomainError('read-only', this.readOnlyReason)
  }

  /**
   * Applies `change` to a draft and saves what it changed; resolves once that is on disk. A change
   * that throws, or leaves a record the schema refuses, saves nothing. Records are frozen: replace
   * them (`list[i] = { ...record, field }`), never change them in place.
   */
  async update<T>(change: (data: NotebookData) => T): Promise<T> {
    this.assertWritable()
    const before = this.committed
    const draft = draftOf(before)
    const result = change(draft)
    const after = settleDraft(draft, before)
    const changes = diffNotebook(before, after)
    if (changes.keys.size === 0) return result
    for (const s of changes.sources.added) Source.parse(s)
    for (const a of changes.annotations.added) Annotation.parse(a)
    for (const t of changes.tags.added) Tag.parse(t)
    for (const c of changes.claims.added) Claim.parse(c)
    for (const b of changes.briefs.added) BriefDraft.parse(b)
    keepOrdered(after.sources, changes.sources.added)
    keepOrdered(after.annotations, changes.annotations.added)
    keepOrdered(after.claims, changes.claims.added)
    keepOrdered(after.briefs, changes.briefs.added)
    for (const list of ['sources', 'annotations', 'claims', 'briefs', 'tags'] as const)
      carryIndex(before[list], after[list], changes[list])
    this.groups.apply(changes.annotations)
    // Begun before this edit's write is queued, so the snapshot is the notebook before the edit.
    if (this.backupDue()) this.snapshot('auto').catch(() => (this.lastBackup = 0))
    this.committed = freezeCommitted(after, [
      ...changes.sources.added,
      ...changes.annotations.added,
      ...changes.tags.added,
      ...changes.claims.added,
      ...changes.briefs.added,
    ])
    for (const listener of this.commitListeners) listener(changes, this.committed)
    const committed = this.committed
    prepareDraftCopies(committed, 'soon', () => this.committed === committed)
    await this.writer.save(changes.keys)
    return result
  }

  /** Waits until every change made so far is on disk. */
  flush(): Promise<void> {
    return this.writer.flush()
  }

  /** Flushes and finishes the snapshots under way, then lets go of the lock. Edits are refused afterwards. */
  async close(): Promise<void> {
    if (this.closed) return
    await this.flush()
    await this.writer.snapshotsSettled()
    this.closed = true
    await this.release?.()
    this.release = null
  }

  /** The backups, once the snapshots under way are complete. */
  async backups(): Promise<BackupInfo[]> {
    await this.writer.snapshotsSettled()
    return listBackups(this.dir)
  }

  /** Takes a snapshot of the notebook as it is now, beside any saves; resolves when it is complete. */
  async backupNow(kind: BackupKind = 'auto'): Promise<BackupInfo> {
    this.assertWritable()
    const backup = await this.snapshot(kind)
    this.lastBackup = Date.now()
    return backup
  }

  private snapshot(kind: BackupKind): Promise<BackupInfo> {
    const { backupPace } = this.options
    return this.writer.snapshot(
      (files, betweenWrites) =>
        new Snapshot(this.dir, kind, files, async () => {
          await betweenWrites()
          await backupPace?.()
        }),
    )
  }

  /**
   * A snapshot is due before the first save of a session (the notebook as it was when opened) and
   * then every ten minutes of editing. It begins between two writes and is taken beside the saves
   * that follow, which never wait for it (see storage/snapshot.ts).
   */
  private backupDue(): boolean {
    if (Date.now() - this.lastBackup < AUTO_BACKUP_MS) return false
    this.lastBackup = Date.now()
    return true
  }

  /**
   * Puts the notebook back as it was in backup `id` (taking a snapshot of the present first, so the
   * restore itself can be undone from Backups) and reloads it.
   */
  async restore(id: string): Promise<void> {
    this.assertWritable()
    await this.flush()
    await this.writer.quiet(() => restoreBackupFiles(this.dir, id))
    await this.release?.()
    this.release = null
    this.adopt(await openFolder(this.dir, this.committed.meta.name, (error) => void this.lockLost(error)))
    this.notify()
  }

  async putText(text: string): Promise<string> {
    const sha = sha256Hex(text)
    await this.putBlob(join(this.dir, 'texts'), `${sha}.txt`, text)
    return sha
  }

  async putOriginal(bytes: Uint8Array): Promise<string> {
    const sha = sha256Hex(bytes)
    await this.putBlob(join(this.dir, 'originals'), sha, bytes)
    return sha
  }

  /** The stored text of a source, as it is on disk now (the brief export re-checks quotes against it). */
  async readText(textSha256: string): Promise<string> {
    try {
      return await readFile(join(this.dir, 'texts', `${textSha256}.txt`), 'utf8')
    } catch {
      throw new DomainError(
        'missing-text',
        `The saved text ${textSha256.slice(0, 12)}… is missing from the notebook folder.`,
      )
    }
  }

  /** Saves the block structure laid over a text; like the text, written once under the text's hash. */
  async putStructure(textSha256: string, structure: DocumentStructure): Promise<void> {
    await this.putBlob(join(this.dir, 'structure'), `${textSha256}.json`, JSON.stringify(structure))
  }

  /** The structure of a text, or null for texts that have none (plain text: one paragraph per line). */
  async readStructure(textSha256: string): Promise<DocumentStructure | null> {
    let raw: string
    try {
      raw = await readFile(join(this.dir, 'structure', `${textSha256}.json`), 'utf8')
    } catch {
      return null
    }
    const parsed = DocumentStructure.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : null
  }

  private async putBlob(folder: string, name: string, content: string | Uint8Array): Promise<void> {
    const path = join(folder, name)
    if (await exists(path)) return // content-addressed: same name, same bytes
    // Durable like the records: a saved source must never name a text a power cut lost.
    await writeFileDurably(path, content)
  }
}
