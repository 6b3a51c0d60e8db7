/**
 * The brief as an mdast tree, the one thing every format is serialised from (Markdown, HTML, Word,
 * and PDF through HTML). Both briefs are first an outline: the body with its footnote calls and what
 * each call cites. The footnotes are written last (finishTree), once main knows each quote's page
 * and has the citation style, so the same outline gives the export and the composer's preview.
 * Every string from the notebook goes in as a text node, so the serialisers escape it.
 */
import type { FootnoteDefinition, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast'
import type { Annotation, Source } from '../model'
import { sourceLabel, text, urlPhrasing } from './citation'

export interface BriefTree {
  /** Title, body and footnotes: one tree so every reference has its definition. */
  body: Root
  /** The verification appendix, apart so HTML can place it after the rendered footnotes. */
  appendix: RootContent[]
}

/** One footnote call: the quote it cites and the source that quote is from. */
export interface FootnoteCall {
  identifier: string
  annotation: Annotation
  source: Source
}

/** How a footnote cites its source (the quote is appended after it). */
export type CiteFootnote = (call: FootnoteCall) => PhrasingContent[]

export interface BriefOutline {
  title: string
  /** What the exported file is named after: the notebook's name, or a composed brief's title. */
  fileStem: string
  /** A one-line summary, kept as the Word document's description. */
  description?: string
  /** The body with footnote calls, without their definitions. */
  body: RootContent[]
  footnotes: FootnoteCall[]
  /** The sources the footnotes cite, in notebook order: the appendix vouches for each by its hash. */
  sources: Source[]
  /**
   * Every annotation the brief quotes, each checked word for word before export. It can hold one the
   * footnotes lack (a quick-brief claim whose source is gone), which then fails the check by name.
   */
  quoted: Annotation[]
}

export const UNTITLED_NOTEBOOK = 'Untitled notebook'

/** The outline with its footnotes written: each the citation, then the exact quote. */
export function finishTree(outline: BriefOutline, cite: CiteFootnote): BriefTree {
  const definitions = outline.footnotes.map((call): FootnoteDefinition => ({
    type: 'footnoteDefinition',
    identifier: call.identifier,
    children: [paragraph(withQuote(cite(call), call.annotation.target.quote.exact))],
  }))
  return {
    body: { type: 'root', children: [...outline.body, ...definitions] },
    appendix: sourcesAppendix(outline.sources),
  }
}

/** The call to put in the text for footnote `identifier`. */
export function footnoteReference(identifier: string): PhrasingContent {
  return { type: 'footnoteReference', identifier, label: identifier }
}

/** Appends the quote, without doubling the full stop of a citation that ends in "n.d.". */
export function withQuote(citation: PhrasingContent[], quote: string): PhrasingContent[] {
  const last = citation[citation.length - 1]
  const endsWithStop = last?.type === 'text' && last.value.endsWith('.')
  return [...citation, text(`${endsWithStop ? '' : '.'} Quote: “${quote}”`)]
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
        ...(source.url ? [{ type: 'break' as const }, text('URL: '), urlPhrasing(source.url)] : []),
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
