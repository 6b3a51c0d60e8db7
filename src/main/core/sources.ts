/** Importing, editing and deleting sources. Plain Node: no Electron, so a unit test runs it as is. */
import { extname } from 'node:path'
import { randomUUID } from 'node:crypto'
import type { Source, SourceMetadata } from '../../shared/model'
import type { FileUpload, PastedText } from '../../shared/ipc/payloads'
import { suggestTitle } from '../../shared/text/suggest-title'
import { DomainError } from './domain-error'
import { decodeText, normalizeLineEnds } from './decode-text'
import type { NotebookStore } from './notebook-store'

export type ImportOutcome =
  | { fileName: string; ok: true; sourceId: string; title: string; duplicate: boolean }
  | { fileName: string; ok: false; error: string }

const TEXT_FORMATS: Record<string, Source['format']> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
}

function emptyCheck(text: string, label: string): void {
  if (text.trim().length === 0) throw new DomainError('empty-source', `${label} has no text to import.`)
}

async function addSource(
  store: NotebookStore,
  text: string,
  original: Uint8Array,
  fields: Pick<Source, 'format' | 'originalFileName'> & Partial<SourceMetadata>,
): Promise<{ source: Source; duplicate: boolean }> {
  const originalSha256 = await store.putOriginal(original)
  const existing = store.data.sources.find((s) => s.originalSha256 === originalSha256)
  // The same bytes again point to the source we already have instead of a second copy.
  if (existing) return { source: existing, duplicate: true }
  const textSha256 = await store.putText(text)
  const suggested = suggestTitle(text)
  const source: Source = {
    id: randomUUID(),
    title: fields.title?.trim() || suggested.title,
    outlet: fields.outlet ?? suggested.outlet,
    author: fields.author ?? '',
    published: fields.published ?? '',
    url: fields.url ?? '',
    imported: new Date().toISOString(),
    originalFileName: fields.originalFileName,
    format: fields.format,
    originalSha256,
    textSha256,
    textLength: text.length,
  }
  await store.update((data) => void data.sources.push(source))
  return { source, duplicate: false }
}

/** Imports each file on its own: one bad file never stops the others, and a failure writes nothing. */
export async function importFiles(store: NotebookStore, uploads: FileUpload[]): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = []
  for (const upload of uploads) {
    try {
      const format = TEXT_FORMATS[extname(upload.name).toLowerCase()]
      if (!format) {
        throw new DomainError(
          'unsupported-format',
          `${upload.name}: only .txt and .md files can be imported so far.`,
        )
      }
      const text = decodeText(upload.bytes, upload.name)
      emptyCheck(text, upload.name)
      const { source, duplicate } = await addSource(store, text, upload.bytes, {
        format,
        originalFileName: upload.name,
      })
      outcomes.push({ fileName: upload.name, ok: true, sourceId: source.id, title: source.title, duplicate })
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      outcomes.push({ fileName: upload.name, ok: false, error: error.message })
    }
  }
  return outcomes
}

export async function importPaste(store: NotebookStore, paste: PastedText): Promise<Source> {
  const text = normalizeLineEnds(paste.text)
  emptyCheck(text, 'The pasted text')
  const original = new TextEncoder().encode(paste.text)
  const { source } = await addSource(store, text, original, {
    format: 'paste',
    originalFileName: '',
    title: paste.title,
  })
  return source
}

export async function updateSource(
  store: NotebookStore,
  id: string,
  patch: Partial<SourceMetadata>,
): Promise<Source> {
  return store.update((data) => {
    const source = data.sources.find((s) => s.id === id)
    if (!source) throw new DomainError('not-found', 'That source is no longer in the notebook.')
    Object.assign(source, patch)
    return source
  })
}

/**
 * Removes a source and its annotations from the notebook. Its text and original bytes stay in the
 * folder (they are content-addressed and cheap), so nothing the analyst saved is destroyed.
 */
export async function deleteSource(
  store: NotebookStore,
  id: string,
): Promise<{ removedAnnotations: number }> {
  return store.update((data) => {
    const index = data.sources.findIndex((s) => s.id === id)
    if (index < 0) throw new DomainError('not-found', 'That source is no longer in the notebook.')
    data.sources.splice(index, 1)
    const before = data.annotations.length
    data.annotations = data.annotations.filter((a) => a.sourceId !== id)
    return { removedAnnotations: before - data.annotations.length }
  })
}
