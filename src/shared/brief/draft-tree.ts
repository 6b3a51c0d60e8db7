/**
 * A composed brief (BriefDraft) outlined as the same mdast tree the quick brief uses: title, bottom
 * line up front, then each section's claims (with the analyst's ICD-203 judgement, the Admiralty
 * grade and how many outlets and origins stand behind it), prose and quotes. Every quote is a
 * footnote call citing its source word for word (finishTree writes the footnotes, in the brief's
 * CSL style); the sources appendix follows. The composer's preview outlines the draft the same way.
 */
import type { PhrasingContent, RootContent } from 'mdast'
import { CREDIBILITY_LABELS, corroboration, indexNotebook, resolveLinks } from '../claims'
import type { Annotation, BriefDraft, DraftItem, NotebookData, Stance } from '../model'
import { text } from './citation'
import {
  emphasis,
  footnoteReference,
  paragraph,
  UNTITLED_NOTEBOOK,
  type BriefOutline,
  type FootnoteCall,
} from './brief-tree'

const STANCE_LABEL: Record<Stance, string> = {
  supports: 'Supports',
  contradicts: 'Contradicts',
  mentions: 'Mentions',
}

export function outlineDraft(
  notebook: Pick<NotebookData, 'annotations' | 'sources' | 'claims'>,
  draft: BriefDraft,
): BriefOutline {
  const footnotes: FootnoteCall[] = []
  /** Quoted, but from a source no longer in the notebook: no footnote, and the check names it. */
  const unsourced: Annotation[] = []
  const sources = new Map(notebook.sources.map((s) => [s.id, s]))
  const annotations = new Map(notebook.annotations.map((a) => [a.id, a]))
  const index = indexNotebook(notebook)

  /** Adds a footnote citing `annotation` and returns the call to put in the text. */
  const cite = (annotation: Annotation): PhrasingContent[] => {
    const source = sources.get(annotation.sourceId)
    if (!source) {
      unsourced.push(annotation)
      return []
    }
    const identifier = String(footnotes.length + 1)
    footnotes.push({ identifier, annotation, source })
    return [footnoteReference(identifier)]
  }

  const claimBlocks = (item: Extract<DraftItem, { type: 'claim' }>): RootContent[] => {
    const claim = notebook.claims.find((c) => c.id === item.claimId)
    if (!claim) return [paragraph([emphasis('(A claim that is no longer in the notebook.)')])]
    const links = resolveLinks(claim, index)
    const counts = corroboration(links, index)
    const judgement = item.estimate ? `${item.estimate[0]!.toUpperCase()}${item.estimate.slice(1)}: ` : ''
    const grade = claim.credibility
      ? `Credibility ${claim.credibility} (${CREDIBILITY_LABELS[claim.credibility]}); `
      : ''
    const evidence = `supported by ${counts.supports.outlets} outlet(s) from ${counts.supports.origins} origin(s), contradicted by ${counts.contradicts.outlets} from ${counts.contradicts.origins}.`
    const lead: PhrasingContent[] = [
      { type: 'strong', children: [text(`${judgement}${claim.statement}`)] },
      text(' '),
      emphasis(`${grade}${evidence}`),
    ]
    if (!item.showQuotes) {
      for (const link of links.filter((l) => l.stance === 'supports')) lead.push(...cite(link.annotation))
      return [paragraph(lead)]
    }
    const quotes = links.map((link) => ({
      type: 'listItem' as const,
      spread: false,
      children: [
        paragraph([
          text(
            `${STANCE_LABEL[link.stance]}: ${link.source.outlet || link.source.title}${link.attributedTo ? `, per ${link.attributedTo}` : ''}: “${link.annotation.target.quote.exact}”`,
          ),
          ...cite(link.annotation),
        ]),
      ],
    }))
    return [
      paragraph(lead),
      ...(quotes.length ? [{ type: 'list' as const, ordered: false, spread: false, children: quotes }] : []),
    ]
  }

  const itemBlocks = (item: DraftItem): RootContent[] => {
    if (item.type === 'claim') return claimBlocks(item)
    if (item.type === 'prose')
      return item.text
        .split(/\n\s*\n/)
        .filter((p) => p.trim())
        .map((p) => paragraph([text(p.trim())]))
    const annotation = annotations.get(item.annotationId)
    if (!annotation)
      return [paragraph([emphasis('(A quote whose annotation is no longer in the notebook.)')])]
    return [
      {
        type: 'blockquote',
        children: [paragraph([text(`“${annotation.target.quote.exact}”`), ...cite(annotation)])],
      },
    ]
  }

  const title = draft.title.trim() || UNTITLED_NOTEBOOK
  const body: RootContent[] = [{ type: 'heading', depth: 1, children: [text(title)] }]
  if (draft.bottomLine.trim()) {
    body.push({ type: 'heading', depth: 2, children: [text('Bottom line up front')] })
    for (const part of draft.bottomLine.split(/\n\s*\n/))
      if (part.trim()) body.push(paragraph([text(part.trim())]))
  }
  for (const section of draft.sections) {
    body.push({ type: 'heading', depth: 2, children: [text(section.heading.trim() || 'Untitled section')] })
    for (const item of section.items) body.push(...itemBlocks(item))
  }
  const cited = new Set(footnotes.map((call) => call.source.id))
  return {
    title,
    fileStem: title,
    body,
    footnotes,
    sources: notebook.sources.filter((s) => cited.has(s.id)),
    quoted: [...footnotes.map((call) => call.annotation), ...unsourced],
  }
}
