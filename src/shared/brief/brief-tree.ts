/**
 * The brief as an mdast tree, shared by the Markdown and HTML builders. Every string from the
 * notebook goes in as a text node, so the serialisers escape it; nothing here writes syntax by hand.
 */
import type { FootnoteDefinition, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast'
import type { Source } from '../model'
import type { Brief, BriefClaim } from './brief-model'
import { citationPhrasing, sourceLabel, text } from './citation'

export interface BriefTree {
  /** Title, summary, claims and their footnotes: one tree so every reference has its definition. */
  body: Root
  /** The verification appendix, apart so HTML can place it after the rendered footnotes. */
  appendix: RootContent[]
}

export const UNTITLED_NOTEBOOK = 'Untitled notebook'

export function buildBriefTree(brief: Brief): BriefTree {
  const footnoteIds = brief.claims.map((_, index) => String(index + 1))
  const claims: RootContent[] = brief.claims.length
    ? [{ type: 'list', ordered: false, spread: false, children: brief.claims.map(claimItem(footnoteIds)) }]
    : [paragraph([text('This notebook has no claims yet.')])]
  const footnotes = brief.claims.map((claim, index): FootnoteDefinition => ({
    type: 'footnoteDefinition',
    identifier: footnoteIds[index] ?? String(index + 1),
    children: [paragraph(withQuote(citationPhrasing(claim.source, claim.page), claim.quote))],
  }))
  return {
    body: {
      type: 'root',
      children: [
        { type: 'heading', depth: 1, children: [text(brief.notebookName || UNTITLED_NOTEBOOK)] },
        paragraph([text(summary(brief))]),
        { type: 'heading', depth: 2, children: [text('Claims')] },
        ...claims,
        ...footnotes,
      ],
    },
    appendix: sourcesAppendix(brief.sources),
  }
}

/** The comment, split into its paragraphs; the last one carries the tags and the footnote call. */
function claimItem(footnoteIds: readonly string[]) {
  return (claim: BriefClaim, index: number): ListItem => {
    const comment = claim.comment.trim()
    const paragraphs = (comment ? comment.split(/\n\s*\n/) : [`“${claim.quote}”`]).map((part) =>
      paragraph([text(part)]),
    )
    const last = paragraphs[paragraphs.length - 1]
    if (claim.tags.length) last?.children.push(text(' '), emphasis(`Tags: ${claim.tags.join(', ')}`))
    const identifier = footnoteIds[index] ?? String(index + 1)
    last?.children.push({ type: 'footnoteReference', identifier, label: identifier })
    return { type: 'listItem', spread: paragraphs.length > 1, children: paragraphs }
  }
}

/** Appends the quote, without doubling the full stop of a citation that ends in "n.d.". */
export function withQuote(citation: PhrasingContent[], quote: string): PhrasingContent[] {
  const last = citation[citation.length - 1]
  const endsWithStop = last?.type === 'text' && last.value.endsWith('.')
  return [...citation, text(`${endsWithStop ? '' : '.'} Quote: “${quote}”`)]
}

function summary(brief: Brief): string {
  const claims = count(brief.claims.length, 'claim', 'claims')
  const sources = count(brief.sources.length, 'source', 'sources')
  return `Generated ${brief.generated}: ${claims} from ${sources}.`
}

/** Lets a reader check a quote later: the hash names the exact text each quote was verified against. */
export function sourcesAppendix(sources: readonly Source[]): RootContent[] {
  const items = sources.map((source): ListItem => ({
    type: 'listItem',
    spread: false,
    children: [
      paragraph([
        text(sourceLabel(source)),
        { type: 'break' },
        text('Text SHA-256: '),
        { type: 'inlineCode', value: source.textSha256 },
        { type: 'break' },
        text(`Imported: ${source.imported}`),
        // Capture time and address of a fetched page: where and when the saved copy was taken.
        ...(source.retrieved ? [{ type: 'break' as const }, text(`Retrieved: ${source.retrieved}`)] : []),
        ...(source.url ? [{ type: 'break' as const }, text(`URL: ${source.url}`)] : []),
      ]),
    ],
  }))
  const list: RootContent[] = items.length
    ? [{ type: 'list', ordered: false, spread: false, children: items }]
    : []
  return [
    { type: 'heading', depth: 2, children: [text('Sources')] },
    paragraph([text('Every quote was checked word for word against the stored text of its source.')]),
    ...list,
  ]
}

export function paragraph(children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children }
}

export function emphasis(value: string): PhrasingContent {
  return { type: 'emphasis', children: [text(value)] }
}

function count(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`
}
