/**
 * A notebook is a folder:
 *
 *   notebook.json          metadata, sources' metadata, annotations, tags (lowdb)
 *   texts/<sha256>.txt     each source's extracted text, UTF-8, named by the SHA-256 of that text
 *   originals/<sha256>     the bytes as imported, named by their SHA-256
 *   structure/<sha256>.json  blocks (headings, list items, pages) and links over a text, by the text's SHA-256
 *
 * Texts never go inside the JSON, so saving one annotation never rewrites the library. Blobs are
 * content-addressed and written once; the JSON is the only file that changes. Only main writes.
 */
import { mkdir, readFile, rename, writeFile, access } from 'node:fs/promises'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { Low } from 'lowdb'
import { DurableJsonFile } from './durable-json-file'
import { DocumentStructure, NotebookData, SCHEMA_VERSION } from '../../shared/model'
import { DomainError } from './domain-error'
import { sha256Hex } from './sha256'

export const NOTEBOOK_FILE = 'notebook.json'

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

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  )
}

export class NotebookStore {
  private constructor(
    readonly dir: string,
    // Low with our durable adapter, not JSONFilePreset: the preset keeps data in memory only when
    // NODE_ENV is 'test', and its steno writer never fsyncs.
    private readonly db: Low<NotebookData>,
  ) {}

  /** Opens the notebook in `dir`, creating an empty one (named `name`) if the folder has none. */
  static async open(dir: string, name = 'Notebook'): Promise<NotebookStore> {
    await mkdir(dir, { recursive: true })
    const file = join(dir, NOTEBOOK_FILE)
    const isNew = !(await exists(file))
    const db = new Low<NotebookData>(new DurableJsonFile(file), emptyNotebook(name))
    if (isNew) {
      await db.write()
    } else {
      await NotebookStore.readValidated(db, file)
    }
    return new NotebookStore(dir, db)
  }

  static async exists(dir: string): Promise<boolean> {
    return exists(join(dir, NOTEBOOK_FILE))
  }

  /**
   * Reads and validates the file ourselves rather than through lowdb's read(), which keeps its
   * default data when the file holds a falsy value such as `null`: that would open as an empty
   * notebook and the next save would overwrite the analyst's file.
   */
  private static async readValidated(db: Low<NotebookData>, file: string): Promise<void> {
    let raw: unknown
    try {
      raw = JSON.parse(await readFile(file, 'utf8'))
    } catch (error) {
      throw new DomainError(
        'corrupt-notebook',
        `${file} is not valid JSON and was left untouched.`,
        String(error),
      )
    }
    const parsed = NotebookData.safeParse(raw)
    if (!parsed.success) {
      const first = parsed.error.issues[0]
      const where = first ? ` (${first.path.join('.') || 'top level'}: ${first.message})` : ''
      throw new DomainError(
        'corrupt-notebook',
        `${file} does not hold a valid notebook${where}; it was left untouched.`,
      )
    }
    db.data = parsed.data
  }

  get file(): string {
    return join(this.dir, NOTEBOOK_FILE)
  }

  /** The current data. Treat as read-only: change it through `update`. */
  get data(): Readonly<NotebookData> {
    return this.db.data
  }

  /** Applies `change` and saves. A change that throws saves nothing. */
  async update<T>(change: (data: NotebookData) => T): Promise<T> {
    const draft = structuredClone(this.db.data)
    const result = change(draft)
    NotebookData.parse(draft)
    this.db.data = draft
    await this.db.write()
    return result
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
    await mkdir(folder, { recursive: true })
    const temp = `${path}.${randomUUID()}.tmp`
    await writeFile(temp, content)
    await rename(temp, path)
  }
}
