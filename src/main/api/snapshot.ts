/** What the renderer gets of the open notebook: everything but the texts, which it asks for one by one. */
import type { Annotation, BriefDraft, Claim, NotebookMeta, Source, Tag } from '../../shared/model'
import type { NotebookStore } from '../core/notebook-store'

export interface NotebookSnapshot {
  dir: string
  meta: NotebookMeta
  sources: Source[]
  annotations: Annotation[]
  tags: Tag[]
  claims: Claim[]
  briefs: BriefDraft[]
}

export function takeSnapshot(store: NotebookStore): NotebookSnapshot {
  const { meta, sources, annotations, tags, claims, briefs } = store.data
  return { dir: store.dir, meta, sources, annotations, tags, claims, briefs }
}
