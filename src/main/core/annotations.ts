/** Creating, editing and deleting annotations, and the free tags they carry. */
import { randomUUID } from 'node:crypto'
import type { Annotation, NotebookData } from '../../shared/model'
import type { AnnotationPatch, NewAnnotation } from '../../shared/ipc/payloads'
import { createTarget } from '../../shared/anchoring'
import { DomainError } from './domain-error'
import { editById, findById } from './records'
import type { NotebookStore } from './notebook-store'

/** Returns tag ids for these names, creating tags that do not exist yet (matched case-insensitively). */
function tagIdsFor(data: NotebookData, names: readonly string[]): string[] {
  const ids: string[] = []
  for (const raw of names) {
    const name = raw.trim()
    let tag = data.tags.find((t) => t.name.toLocaleLowerCase() === name.toLocaleLowerCase())
    if (!tag) {
      tag = { id: randomUUID(), name }
      data.tags.push(tag)
    }
    if (!ids.includes(tag.id)) ids.push(tag.id)
  }
  return ids
}

function findAnnotation(data: NotebookData, id: string): Annotation {
  const annotation = findById(data.annotations, id)
  if (!annotation) throw new DomainError('not-found', 'That annotation is no longer in the notebook.')
  return annotation
}

/** Main computes the selectors from its own copy of the text: the renderer sends only offsets. */
export async function createAnnotation(store: NotebookStore, input: NewAnnotation): Promise<Annotation> {
  const source = findById(store.data.sources, input.sourceId)
  if (!source) throw new DomainError('not-found', 'That source is no longer in the notebook.')
  const text = await store.readText(source.textSha256)
  let target
  try {
    target = createTarget(text, input.start, input.end)
  } catch (error) {
    throw new DomainError('bad-selection', `Cannot annotate that selection: ${(error as Error).message}`)
  }
  const now = new Date().toISOString()
  return store.update((data) => {
    const annotation: Annotation = {
      id: randomUUID(),
      sourceId: source.id,
      kind: input.kind,
      target,
      comment: input.comment,
      tagIds: tagIdsFor(data, input.tags),
      created: now,
      modified: now,
    }
    data.annotations.push(annotation)
    return annotation
  })
}

export async function updateAnnotation(
  store: NotebookStore,
  id: string,
  patch: AnnotationPatch,
): Promise<Annotation> {
  return store.update((data) => {
    findAnnotation(data, id)
    const tagIds = patch.tags === undefined ? undefined : tagIdsFor(data, patch.tags)
    return editById(data.annotations, id, (annotation) => {
      if (patch.kind !== undefined) annotation.kind = patch.kind
      if (patch.comment !== undefined) annotation.comment = patch.comment
      if (tagIds !== undefined) annotation.tagIds = tagIds
      annotation.modified = new Date().toISOString()
    })!
  })
}

export async function deleteAnnotation(store: NotebookStore, id: string): Promise<Annotation> {
  return store.update((data) => {
    const annotation = findAnnotation(data, id)
    data.annotations = data.annotations.filter((a) => a.id !== id)
    return annotation
  })
}

/**
 * Undo of a delete: puts the annotation back exactly as it was, if its source still exists and its
 * quote is still the text at its position (main never keeps a quote its own copy does not hold).
 */
export async function restoreAnnotation(store: NotebookStore, annotation: Annotation): Promise<Annotation> {
  const source = store.data.sources.find((s) => s.id === annotation.sourceId)
  if (source) {
    const { quote, position } = annotation.target
    const text = await store.readText(source.textSha256)
    if (text.slice(position.start, position.end) !== quote.exact) {
      throw new DomainError(
        'bad-annotation',
        'That annotation does not match its source text and was not restored.',
      )
    }
  }
  return store.update((data) => {
    if (data.annotations.some((a) => a.id === annotation.id)) return annotation
    if (!data.sources.some((s) => s.id === annotation.sourceId)) {
      throw new DomainError('not-found', 'The source of that annotation is no longer in the notebook.')
    }
    const known = new Set(data.tags.map((t) => t.id))
    data.annotations.push({ ...annotation, tagIds: annotation.tagIds.filter((id) => known.has(id)) })
    return annotation
  })
}
