/** What the renderer gets of the open notebook: everything but the texts, which it asks for one by one. */
import type { Annotation, NotebookMeta, Source, Tag } from '../../shared/model'
import type { NotebookStore } from '../core/notebook-store'

export interface NotebookSnapshot {
  dir: string
  meta: NotebookMeta
  sources: Source[]
  annotations: Annotation[]
  tags: Tag[]
}

export function takeSnapshot(store: NotebookStore): NotebookSnapshot {
  const { meta, sources, annotations, tags } = store.data
  return { dir: store.dir, meta, sources, annotations, tags }
}
