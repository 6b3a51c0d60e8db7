/**
 * How the quick brief cites a source, as mdast phrasing: outlet, “title”, author, date, page, URL.
 * Unknown fields (empty strings) are left out, except the date, which reads "n.d." as citation
 * styles expect. Composed briefs cite through CSL instead (main's citations/csl-cite.ts).
 */
import type { PhrasingContent, Text } from 'mdast'
import type { Source } from '../model'
import type { CiteFootnote } from './brief-tree'

export const UNTITLED_SOURCE = 'Untitled source'

/** How a source is cited, given the page the quote is on (a PDF's) when known. */
export type CiteSource = (source: Source, page: number | undefined) => PhrasingContent[]

export function text(value: string): Text {
  return { type: 'text', value }
}

/** Outlet and title, enough to recognise a source in a list. */
export function sourceLabel(source: Source): string {
  const title = `“${source.title || UNTITLED_SOURCE}”`
  return source.outlet ? `${source.outlet}, ${title}` : title
}

/** `page`: where in a PDF the quote is, so the citation can say "p. 2". */
export function citationPhrasing(source: Source, page?: number): PhrasingContent[] {
  const fields = [
    sourceLabel(source),
    source.author,
    source.published || 'n.d.',
    page ? `p. ${page}` : '',
  ].filter(Boolean)
  const citation: PhrasingContent[] = [text(fields.join(', '))]
  if (source.url) citation.push(text(', '), urlPhrasing(source.url))
  return citation
}

/** Footnotes citing each quote's source with `citeSource`, and the quote's page from `pages`. */
export function citeWith(
  citeSource: CiteSource,
  pages: ReadonlyMap<string, number> = new Map(),
): CiteFootnote {
  return (call) => citeSource(call.source, pages.get(call.annotation.id))
}

/**
 * Only http(s) addresses become links: the model already enforces that, but a builder that may be
 * handed anything should not be the place a `javascript:` URL turns clickable.
 */
export function urlPhrasing(url: string): PhrasingContent {
  return /^https?:\/\//i.test(url) ? { type: 'link', url, children: [text(url)] } : text(url)
}
