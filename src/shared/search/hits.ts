/** Turns a scored index document into what the list shows: title, snippet and where to jump. */
import { attributionsOf, FIELDS_BY_TYPE, type DocRef, type SearchField } from './documents'
import type { TextRange } from './chunk'
import { tagNamesOf, type NotebookState } from './notebook-state'
import { snippetAround } from './snippet'
import { firstTokenIn } from './tokenize'
import type { SearchDocType, SearchHit } from './types'

const UNTITLED = 'Untitled source'
const CLAIM_TITLE_CHARS = 100

const TEXT_ORDER: Record<SearchDocType, readonly SearchField[]> = {
  source: ['text', 'title', 'outlet', 'author'],
  annotation: ['quote', 'comment', 'tags'],
  claim: ['statement', 'attributedTo', 'tags'],
}

/** For each of fieldTexts' texts, the index field it was indexed as. */
export const TEXT_FIELDS = Object.fromEntries(
  Object.entries(TEXT_ORDER).map(([type, names]) => [
    type,
    names.map((name) => (FIELDS_BY_TYPE[type as SearchDocType] as readonly string[]).indexOf(name)),
  ]),
) as Record<SearchDocType, number[]>

/** The document's texts in the order a match is looked for: body first, then metadata. */
export function fieldTexts(ref: DocRef, state: NotebookState): string[] {
  switch (ref.type) {
    case 'source': {
      const source = state.sources.get(ref.entityId)
      if (!source || !ref.chunk) return []
      const { start, end } = ref.chunk
      return [source.text.slice(start, end), source.title, source.outlet, source.author]
    }
    case 'annotation': {
      const annotation = state.annotations.get(ref.entityId)
      if (!annotation) return []
      const tags = tagNamesOf(annotation.tagIds, state)
      return [annotation.target.quote.exact, annotation.comment, tags]
    }
    case 'claim': {
      const claim = state.claims.get(ref.entityId)
      if (!claim) return []
      const tags = tagNamesOf(claim.tagIds, state)
      return [claim.statement, attributionsOf(claim), tags]
    }
  }
}

/**
 * Which query words one of a document's texts holds: as typed (normalised), and as found (with prefix
 * and typo variants). Null for a text that holds none, which is then not read word by word.
 */
export interface MatchedTerms {
  typed: ReadonlySet<string>
  found: ReadonlySet<string>
}

/**
 * The earliest phrase occurrence in `text`; else its first word as typed, so "troops" jumps to "troops"
 * rather than to an earlier "troop" it also matched as a typo; else the first variant; else null.
 */
export function locate(text: string, phrases: RegExp[], terms: MatchedTerms | null): TextRange | null {
  let earliest: TextRange | null = null
  for (const phrase of phrases) {
    const found = phrase.exec(text)
    if (found && (!earliest || found.index < earliest.start))
      earliest = { start: found.index, end: found.index + found[0].length }
  }
  if (earliest || !terms) return earliest
  const token = firstTokenIn(text, terms.typed, terms.found)
  return token ? { start: token.start, end: token.end } : null
}

export function buildHit(
  ref: DocRef,
  hitScore: number,
  phrases: RegExp[],
  /** The words the document's i-th text holds (fieldTexts' order). */
  termsIn: (i: number) => MatchedTerms | null,
  state: NotebookState,
): SearchHit {
  const texts = fieldTexts(ref, state)
  // The first text the match is found in gives the snippet; failing that (only a fuzzy variant in a
  // text we do not show), the first text's opening.
  let at: TextRange | null = null
  let foundIn = -1
  for (const [i, text] of texts.entries()) {
    at = locate(text, phrases, termsIn(i))
    if (at) {
      foundIn = i
      break
    }
  }
  const snippetText = texts[foundIn] ?? texts[0] ?? ''

  switch (ref.type) {
    case 'source': {
      const source = state.sources.get(ref.entityId)
      const chunkStart = ref.chunk?.start ?? 0
      // Only a match in the body is a place to jump to; one in the title is not.
      const match =
        at && foundIn === 0 ? { start: at.start + chunkStart, end: at.end + chunkStart } : undefined
      return {
        type: 'source',
        id: `${ref.entityId}#${ref.chunk?.index ?? 0}`,
        sourceId: ref.entityId,
        score: hitScore,
        title: source?.title || UNTITLED,
        // Around the match within the whole text, so context may run past the chunk's edges.
        snippet: match && source ? snippetAround(source.text, match) : snippetAround(texts[0] ?? '', null),
        ...(match && { match }),
      }
    }
    case 'annotation': {
      const annotation = state.annotations.get(ref.entityId)
      const position = annotation?.target.position
      return {
        type: 'annotation',
        id: ref.entityId,
        ...(annotation && { sourceId: annotation.sourceId }),
        score: hitScore,
        title: (annotation && state.sources.get(annotation.sourceId)?.title) || UNTITLED,
        snippet: snippetAround(snippetText, at),
        ...(position && { match: { start: position.start, end: position.end } }),
      }
    }
    case 'claim': {
      const statement = state.claims.get(ref.entityId)?.statement ?? ''
      return {
        type: 'claim',
        id: ref.entityId,
        score: hitScore,
        title:
          statement.length > CLAIM_TITLE_CHARS ? `${statement.slice(0, CLAIM_TITLE_CHARS - 1)}…` : statement,
        snippet: snippetAround(snippetText, at),
      }
    }
  }
}
