/**
 * Live preview of a composed brief: the same tree the exports serialise, turned into React elements
 * by hast-util-to-jsx-runtime (text nodes stay text: nothing is parsed as HTML).
 */
import { useMemo } from 'react'
import { Fragment, jsx, jsxs } from 'react/jsx-runtime'
import { toJsxRuntime } from 'hast-util-to-jsx-runtime'
import { toHast } from 'mdast-util-to-hast'
import type { NotebookSnapshot } from '../../../main/api/snapshot'
import { composeDraft } from '../../../shared/brief/draft-tree'
import type { BriefDraft } from '../../../shared/model'

export function BriefPreview({ notebook, draft }: { notebook: NotebookSnapshot; draft: BriefDraft }) {
  const content = useMemo(() => {
    const { tree } = composeDraft(notebook, draft)
    const hast = toHast(
      { type: 'root', children: [...tree.body.children, ...tree.appendix] },
      { footnoteLabel: 'Citations' },
    )
    return toJsxRuntime(hast, { Fragment, jsx, jsxs })
  }, [notebook, draft])
  return (
    <article className="brief-preview" aria-label="Preview">
      {content}
    </article>
  )
}
