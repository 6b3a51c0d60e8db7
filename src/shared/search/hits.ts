/** Turns a scored index document into what the list shows: title, snippet and where to jump. */
import type { DocRef } from './documents'
import { attributionsOf } from './documents'
import type { TextRange } from './chunk'
import { tagNamesOf, type NotebookState } from './notebook-state'
import { snippetAround } from './snippet'
import { firstTokenIn } from './tokenize'
import type { SearchHit } from './types'

/** One searchable text of a document; `offset` places a chunk's text within its source text. */
interface FieldText {
  text: string
  offset?: number
}

const UNTITLED = 'Untitled source'
const CLAIM_TITLE_CHARS = 100

/** The document's texts in the order a match is looked for: body first, then metadata. */
export function fieldTexts(ref: DocRef, state: NotebookState): FieldText[] {
  switch (ref.type) {
    case 'source': {
      const source = state.sources.get(ref.entityId)
      if (!source || !ref.chunk) return []
      const { start, end } = ref.chunk
      return [{ text: source.text.slice(start, end), offset: start }, source, { text: source.outlet }].map(
        (field, i) => (i === 1 ? { text: `${source.title}\n${source.author}` } : (field as FieldText)),
      )
    }
    case 'annotation': {
      const annotation = state.annotations.get(ref.entityId)
      if (!annotation) return []
      const tags = tagNamesOf(annotation.tagIds, state)
      return [{ text: annotation.target.quote.exact }, { text: annotation.comment }, { text: tags }]
    }
    case 'claim': {
      const claim = state.claims.get(ref.entityId)
      if (!claim) return []
      const tags = tagNamesOf(claim.tagIds, state)
      return [{ text: claim.statement }, { text: attributionsOf(claim) }, { text: tags }]
    }
  }
}

/** True when every phrase occurs in one of the texts (phrases are ANDed like words). */
export function containsPhrases(texts: FieldText[], phrases: RegExp[]): boolean {
  return phrases.every((phrase) => texts.some(({ text }) => phrase.test(text)))
}

/** The earliest phrase occurrence in `text`, else its first word among `terms`, else null. */
export function locate(text: string, phrases: RegExp[], terms: ReadonlySet<string>): TextRange | null {
  let earliest: TextRange | null = null
  for (const phrase of phrases) {
    const found = phrase.exec(text)
    if (found && (!earliest || found.index < earliest.start))
      earliest = { start: found.index, end: found.index + found[0].length }
  }
  if (earliest) return earliest
  const token = firstTokenIn(text, terms)
  return token ? { start: token.start, end: token.end } : null
}

export function buildHit(
  ref: DocRef,
  hitScore: number,
  phrases: RegExp[],
  terms: ReadonlySet<string>,
  state: NotebookState,
): SearchHit {
  const texts = fieldTexts(ref, state)
  // The first text the match is found in gives the snippet; failing that (only a fuzzy variant in a
  // field we do not show), the body's opening.
  let snippetText = texts[0]
  let at: TextRange | null = null
  for (const field of texts) {
    at = locate(field.text, phrases, terms)
    if (at) {
      snippetText = field
      break
    }
  }
  const snippetOf = (field: FieldText | undefined) => (field ? snippetAround(field.text, at) : '')

  switch (ref.type) {
    case 'source': {
      const source = state.sources.get(ref.entityId)
      const inBody = at !== null && snippetText === texts[0] && ref.chunk !== undefined
      const match = inBody ? { start: at!.start + ref.chunk!.start, end: at!.end + ref.chunk!.start } : undefined
      return {
        type: 'source',
        id: `${ref.entityId}#${ref.chunk?.index ?? 0}`,
        sourceId: ref.entityId,
        score: hitScore,
        title: source?.title || UNTITLED,
        // Around the match within the whole text, so context may run past the chunk's edges.
        snippet: match && source ? snippetAround(source.text, match) : snippetAround(texts[0]?.text ?? '', null),
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
        snippet: snippetOf(snippetText),
        ...(position && { match: { start: position.start, end: position.end } }),
      }
    }
    case 'claim': {
      const statement = state.claims.get(ref.entityId)?.statement ?? ''
      return {
        type: 'claim',
        id: ref.entityId,
        score: hitScore,
        title: statement.length > CLAIM_TITLE_CHARS ? `${statement.slice(0, CLAIM_TITLE_CHARS - 1)}…` : statement,
        snippet: snippetOf(snippetText),
      }
    }
  }
}
