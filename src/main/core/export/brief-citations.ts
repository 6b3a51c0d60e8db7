/**
 * How a brief's footnotes cite their sources: the quick brief plainly (shared citation.ts), a
 * composed brief in its CSL style (citations/csl-cite.ts), each with the PDF page of the quote.
 * The composer's live preview asks for its citations here too, so it shows what the export writes.
 */
import type { PhrasingContent } from 'mdast'
import { citationPhrasing, citeWith, type CiteFootnote, type FootnoteCall } from '../../../shared/brief'
import { cslCiteSource } from '../citations/csl-cite'
import type { CitationStyle } from '../citations/format-citation'
import type { NotebookStore } from '../notebook-store'
import { quotePages } from './quote-pages'

/** `style` null: the quick brief's plain citation. */
export async function footnoteCiter(
  store: Pick<NotebookStore, 'readStructure'>,
  calls: readonly FootnoteCall[],
  style: CitationStyle | null,
  cslDir: string,
): Promise<CiteFootnote> {
  const pages = await quotePages(store, calls)
  return citeWith(style ? cslCiteSource(cslDir, style) : citationPhrasing, pages)
}

export interface QuoteCitation {
  annotationId: string
  /** The footnote's citation, before the quote: the same mdast phrasing the export puts in its tree. */
  citation: PhrasingContent[]
}

/**
 * The citations of the quotes a composed brief cites (the preview sends only those ids), as the
 * export writes them. An id no longer in the notebook, or whose source is gone, is left out.
 */
export async function quoteCitations(
  store: Pick<NotebookStore, 'data' | 'readStructure'>,
  style: CitationStyle,
  annotationIds: readonly string[],
  cslDir: string,
): Promise<QuoteCitation[]> {
  const { annotations, sources } = store.data
  const wanted = new Set(annotationIds)
  const sourcesById = new Map(sources.map((source) => [source.id, source]))
  const calls = annotations.flatMap((annotation): FootnoteCall[] => {
    const source = sourcesById.get(annotation.sourceId)
    return wanted.has(annotation.id) && source ? [{ identifier: annotation.id, annotation, source }] : []
  })
  const cite = await footnoteCiter(store, calls, style, cslDir)
  return calls.map((call) => ({ annotationId: call.annotation.id, citation: cite(call) }))
}
