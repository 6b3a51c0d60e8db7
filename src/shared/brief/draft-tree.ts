/**
 * A composed brief (BriefDraft) as the same mdast tree the quick brief uses: title, bottom line up
 * front, then each section's claims (with the analyst's ICD-203 judgement, the Admiralty grade and
 * how many outlets and origins stand behind it), prose and quotes. Every quote is a footnote citing
 * its source word for word; the sources appendix follows.
 */
import type { FootnoteDefinition, PhrasingContent, RootContent } from 'mdast'
import { CREDIBILITY_LABELS, corroboration, resolveLinks } from '../claims'
import type { Annotation, BriefDraft, DraftItem, NotebookData, Source, Stance } from '../model'
import { citationPhrasing, text } from './citation'
import {
  emphasis,
  paragraph,
  sourcesAppendix,
  UNTITLED_NOTEBOOK,
  withQuote,
  type BriefTree,
} from './brief-tree'

export interface ComposedDraft {
  title: string
  tree: BriefTree
  /** Every annotation the brief quotes: each must still match its saved source before export. */
  quoted: Annotation[]
}

const STANCE_LABEL: Record<Stance, string> = {
  supports: 'Supports',
  contradicts: 'Contradicts',
  mentions: 'Mentions',
}

/** How a footnote cites a source (main passes one built on CSL; the default is citation.ts's). */
export type CiteSource = (source: Source, page: number | undefined) => PhrasingContent[]

export function composeDraft(
  notebook: Pick<NotebookData, 'annotations' | 'sources' | 'claims'>,
  draft: BriefDraft,
  pages: ReadonlyMap<string, number> = new Map(),
  citeSource: CiteSource = citationPhrasing,
): ComposedDraft {
  const footnotes: FootnoteDefinition[] = []
  const quoted: Annotation[] = []
  const cited = new Map<string, Source>()
  const sources = new Map(notebook.sources.map((s) => [s.id, s]))
  const annotations = new Map(notebook.annotations.map((a) => [a.id, a]))

  /** Adds a footnote citing `annotation` and returns the call to put in the text. */
  const cite = (annotation: Annotation): PhrasingContent[] => {
    const source = sources.get(annotation.sourceId)
    if (!source) return []
    const identifier = String(footnotes.length + 1)
    const citation = citeSource(source, pages.get(annotation.id))
    footnotes.push({
      type: 'footnoteDefinition',
      identifier,
      children: [paragraph(withQuote(citation, annotation.target.quote.exact))],
    })
    quoted.push(annotation)
    cited.set(source.id, source)
    return [{ type: 'footnoteReference', identifier, label: identifier }]
  }

  const claimBlocks = (item: Extract<DraftItem, { type: 'claim' }>): RootContent[] => {
    const claim = notebook.claims.find((c) => c.id === item.claimId)
    if (!claim) return [paragraph([emphasis('(A claim that is no longer in the notebook.)')])]
    const links = resolveLinks(claim, notebook.annotations, notebook.sources)
    const counts = corroboration(links, notebook.sources)
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
  const citedSources = notebook.sources.filter((s) => cited.has(s.id))
  return {
    title,
    tree: {
      body: { type: 'root', children: [...body, ...footnotes] },
      appendix: sourcesAppendix(citedSources),
    },
    quoted,
  }
}
