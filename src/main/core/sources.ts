/**
 * Pasted sources, metadata edits, and deleting sources (with undo). File imports live in
 * ./import. Plain Node: no Electron, so a unit test runs it as is.
 */
import { randomUUID } from 'node:crypto'
import type { Annotation, Source, SourceMetadata } from '../../shared/model'
import type { PastedText } from '../../shared/ipc/payloads'
import { suggestTitle } from '../../shared/text/suggest-title'
import { DomainError } from './domain-error'
import { editById } from './records'
import { normalizeLineEnds } from './decode-text'
import type { NotebookStore } from './notebook-store'

export async function importPaste(store: NotebookStore, paste: PastedText): Promise<Source> {
  const text = normalizeLineEnds(paste.text)
  if (text.trim().length === 0) throw new DomainError('empty-source', 'The pasted text is empty.')
  const original = new TextEncoder().encode(paste.text)
  const originalSha256 = await store.putOriginal(original)
  const existing = store.data.sources.find((s) => s.originalSha256 === originalSha256)
  if (existing) return existing
  const textSha256 = await store.putText(text)
  const suggested = suggestTitle(text)
  const source: Source = {
    id: randomUUID(),
    title: paste.title.trim() || suggested.title,
    outlet: suggested.outlet,
    author: '',
    published: '',
    url: '',
    imported: new Date().toISOString(),
    retrieved: '',
    originalFileName: '',
    format: 'paste',
    originalSha256,
    textSha256,
    textLength: text.length,
    pages: 0,
    nearDuplicates: [],
  }
  await store.update((data) => void data.sources.push(source))
  return source
}

export async function updateSource(
  store: NotebookStore,
  id: string,
  patch: Partial<SourceMetadata>,
): Promise<Source> {
  return store.update((data) => {
    // IPC keeps `undefined` values: a field sent as undefined means "unchanged", never "erase".
    const source = editById(data.sources, id, (copy) => {
      for (const [key, value] of Object.entries(patch))
        if (value !== undefined) Object.assign(copy, { [key]: value })
    })
    if (!source) throw new DomainError('not-found', 'That source is no longer in the notebook.')
    return source
  })
}

export interface DeletedSource {
  source: Source
  annotations: Annotation[]
}

/**
 * Removes a source and its annotations from the notebook, returning both so the delete can be
 * undone. Its text and original bytes stay in the folder (content-addressed, cheap), so nothing the
 * analyst saved is destroyed.
 */
export async function deleteSource(store: NotebookStore, id: string): Promise<DeletedSource> {
  return store.update((data) => {
    const index = data.sources.findIndex((s) => s.id === id)
    if (index < 0) throw new DomainError('not-found', 'That source is no longer in the notebook.')
    const [source] = data.sources.splice(index, 1)
    const annotations = data.annotations.filter((a) => a.sourceId === id)
    data.annotations = data.annotations.filter((a) => a.sourceId !== id)
    return { source: source!, annotations }
  })
}

/** Undo of a delete: puts the source and its annotations back, unless it is back already. */
export async function restoreSource(store: NotebookStore, deleted: DeletedSource): Promise<Source> {
  await store.readText(deleted.source.textSha256) // the text must still be in the folder
  return store.update((data) => {
    if (data.sources.some((s) => s.id === deleted.source.id)) return deleted.source
    data.sources.push(deleted.source)
    const known = new Set(data.tags.map((t) => t.id))
    for (const annotation of deleted.annotations) {
      if (data.annotations.some((a) => a.id === annotation.id)) continue
      data.annotations.push({ ...annotation, tagIds: annotation.tagIds.filter((t) => known.has(t)) })
    }
    return deleted.source
  })
}
