/**
 * The quick brief (File > Export brief): every claim annotation of the notebook, in reading order,
 * each with the analyst's comment and tags and a footnote quoting its source.
 */
import type { ListItem, RootContent } from 'mdast'
import type { NotebookData } from '../model'
import { collectBrief, type Brief, type BriefClaim } from './brief-model'
import {
  emphasis,
  footnoteReference,
  paragraph,
  UNTITLED_NOTEBOOK,
  type BriefOutline,
  type FootnoteCall,
} from './brief-tree'
import { text } from './citation'

/** `generated`: the export's UTC time, passed in so that building stays pure and repeatable. */
export function outlineQuickBrief(notebook: NotebookData, generated: string): BriefOutline {
  const brief = collectBrief(notebook, { generated })
  const footnotes = brief.claims.map((claim, index): FootnoteCall => ({
    identifier: String(index + 1),
    annotation: claim.annotation,
    source: claim.source,
  }))
  const claims: RootContent[] = brief.claims.length
    ? [{ type: 'list', ordered: false, spread: false, children: brief.claims.map(claimItem) }]
    : [paragraph([text('This notebook has no claims yet.')])]
  const title = brief.notebookName || UNTITLED_NOTEBOOK
  return {
    title,
    fileStem: brief.notebookName,
    description: summary(brief),
    body: [
      { type: 'heading', depth: 1, children: [text(title)] },
      paragraph([text(summary(brief))]),
      { type: 'heading', depth: 2, children: [text('Claims')] },
      ...claims,
    ],
    footnotes,
    sources: [...brief.sources],
    // Every claim, even one whose source is gone (collectBrief skips it): the check names it.
    quoted: notebook.annotations.filter((annotation) => annotation.kind === 'claim'),
  }
}

/** The comment, split into its paragraphs; the last one carries the tags and the footnote call. */
function claimItem(claim: BriefClaim, index: number): ListItem {
  const comment = claim.comment.trim()
  const paragraphs = (comment ? comment.split(/\n\s*\n/) : [`“${claim.quote}”`]).map((part) =>
    paragraph([text(part)]),
  )
  const last = paragraphs[paragraphs.length - 1]
  if (claim.tags.length) last?.children.push(text(' '), emphasis(`Tags: ${claim.tags.join(', ')}`))
  last?.children.push(footnoteReference(String(index + 1)))
  return { type: 'listItem', spread: paragraphs.length > 1, children: paragraphs }
}

function summary(brief: Brief): string {
  const claims = count(brief.claims.length, 'claim', 'claims')
  const sources = count(brief.sources.length, 'source', 'sources')
  return `Generated ${brief.generated}: ${claims} from ${sources}.`
}

function count(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`
}
