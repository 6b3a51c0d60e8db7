/** The notebook as the tag filter shows it: sources, annotations and claims carrying the tag (or a child). */
import { useMemo } from 'react'
import type { NotebookSnapshot } from '../../../main/api/snapshot'
import { annotationHasTag, claimHasTag, tagWithDescendants } from '../../../shared/claims'
import { notebookIndexOf } from './use-notebook-index'

export function useTagFilter(
  notebook: NotebookSnapshot | undefined,
  tagId: string | null,
): NotebookSnapshot | undefined {
  return useMemo(() => {
    if (!notebook || !tagId) return notebook
    const ids = tagWithDescendants(notebook.tags, tagId)
    const index = notebookIndexOf(notebook.annotations, notebook.sources)
    const annotations = notebook.annotations.filter((a) => annotationHasTag(a, ids))
    const sourceIds = new Set(annotations.map((a) => a.sourceId))
    return {
      ...notebook,
      annotations,
      sources: notebook.sources.filter((s) => sourceIds.has(s.id)),
      claims: notebook.claims.filter((c) => claimHasTag(c, index, ids)),
    }
  }, [notebook, tagId])
}
