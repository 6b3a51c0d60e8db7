/**
 * Live preview of a composed brief: the draft outlined by the same builder the export uses, with the
 * footnotes main formats for the export (its CSL style and each quote's PDF page, `briefs:citations`,
 * asked for the draft's cited quotes only), turned into React elements by hast-util-to-jsx-runtime
 * (text nodes stay text: nothing is parsed as HTML). Typing re-renders at once; the citations are
 * fetched again only when the quotes cited, their sources or the style change.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { Fragment, jsx, jsxs } from 'react/jsx-runtime'
import { toJsxRuntime } from 'hast-util-to-jsx-runtime'
import type { PhrasingContent } from 'mdast'
import { toHast } from 'mdast-util-to-hast'
import type { NotebookSnapshot } from '../../../main/api/snapshot'
import { finishTree } from '../../../shared/brief/brief-tree'
import { outlineDraft } from '../../../shared/brief/draft-tree'
import type { BriefDraft } from '../../../shared/model'
import { call } from '../api'
import { notebookKey } from '../queries'

/** Shown in a footnote until main's citation arrives. */
const PENDING: PhrasingContent[] = [{ type: 'text', value: 'Formatting the citation…' }]

export function BriefPreview({ notebook, draft }: { notebook: NotebookSnapshot; draft: BriefDraft }) {
  const outline = useMemo(() => outlineDraft(notebook, draft), [notebook, draft])
  const cited = useMemo(
    () => [...new Set(outline.footnotes.map((call) => call.annotation.id))].sort(),
    [outline],
  )
  const citations = useQuery({
    // Under the notebook's key, so an edit to a source's metadata fetches its citation again.
    queryKey: [...notebookKey, 'brief-citations', draft.citationStyle, cited],
    queryFn: () => call('briefs:citations', draft.citationStyle, cited),
    enabled: cited.length > 0,
    placeholderData: keepPreviousData,
  })
  const content = useMemo(() => {
    const byId = new Map(citations.data?.map((c) => [c.annotationId, c.citation]))
    const tree = finishTree(outline, (call) => byId.get(call.annotation.id) ?? PENDING)
    const hast = toHast(
      { type: 'root', children: [...tree.body.children, ...tree.appendix] },
      { footnoteLabel: 'Citations' },
    )
    return toJsxRuntime(hast, { Fragment, jsx, jsxs })
  }, [outline, citations.data])
  return (
    <article className="brief-preview" aria-label="Preview">
      {content}
    </article>
  )
}
