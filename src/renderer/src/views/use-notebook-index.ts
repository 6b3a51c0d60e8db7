/**
 * The claim rules' lookups (shared/claims indexNotebook), built once per notebook change and shared
 * by every view that asks: keyed on the annotations and sources arrays themselves, which a new
 * snapshot replaces and a render keeps, so the Claims view, the Matrix and the tag filter all reuse
 * one index until the data really changes.
 */
import { useMemo } from 'react'
import { indexNotebook, type NotebookIndex } from '../../../shared/claims'
import type { Annotation, Source } from '../../../shared/model'

const built = new WeakMap<readonly Annotation[], { sources: readonly Source[]; index: NotebookIndex }>()

export function notebookIndexOf(
  annotations: readonly Annotation[],
  sources: readonly Source[],
): NotebookIndex {
  const cached = built.get(annotations)
  if (cached?.sources === sources) return cached.index
  const index = indexNotebook({ annotations, sources })
  built.set(annotations, { sources, index })
  return index
}

export function useNotebookIndex(notebook: {
  annotations: readonly Annotation[]
  sources: readonly Source[]
}): NotebookIndex {
  const { annotations, sources } = notebook
  return useMemo(() => notebookIndexOf(annotations, sources), [annotations, sources])
}
