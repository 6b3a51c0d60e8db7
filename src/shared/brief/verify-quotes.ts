/**
 * Quote verification: before a brief cites anything, every quote it cites is checked against the
 * stored text of its source, so an export can never attribute words a source does not contain.
 */
import type { Annotation, Source } from '../model'

export type QuoteProblemReason = 'missing-source' | 'missing-text' | 'quote-not-found'

export interface QuoteProblem {
  annotationId: string
  sourceId: string
  /** Empty when the source itself is missing from the notebook. */
  sourceTitle: string
  quote: string
  reason: QuoteProblemReason
}

/**
 * Checks each of `quoted` (the annotations a brief quotes: see BriefOutline.quoted) against its
 * source's text. `texts` maps a source id to its stored text, or to null when the text file is
 * missing or unreadable; an id absent from the map counts as missing too.
 */
export function verifyQuotes(
  quoted: readonly Annotation[],
  sources: readonly Source[],
  texts: ReadonlyMap<string, string | null>,
): QuoteProblem[] {
  const sourcesById = new Map(sources.map((source) => [source.id, source]))
  const problems: QuoteProblem[] = []
  for (const annotation of quoted) {
    const source = sourcesById.get(annotation.sourceId)
    const text = texts.get(annotation.sourceId) ?? null
    const reason: QuoteProblemReason | null = !source
      ? 'missing-source'
      : text === null
        ? 'missing-text'
        : quoteIsVerbatim(annotation, text)
          ? null
          : 'quote-not-found'
    if (reason) {
      problems.push({
        annotationId: annotation.id,
        sourceId: annotation.sourceId,
        sourceTitle: source?.title ?? '',
        quote: annotation.target.quote.exact,
        reason,
      })
    }
  }
  return problems
}

/**
 * The stored position is tried first; if the text was re-imported and the offsets moved, the
 * quote still counts as verbatim when it occurs anywhere, because the brief cites words, not offsets.
 */
function quoteIsVerbatim(annotation: Annotation, text: string): boolean {
  const { quote, position } = annotation.target
  return text.slice(position.start, position.end) === quote.exact || text.includes(quote.exact)
}
