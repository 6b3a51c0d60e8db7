/** Reads what the analyst typed: free words (the last one possibly half-typed) and "exact phrases". */
import { processTerm, tokenize } from './tokenize'

/** Below this length a typo is as likely another word: "war" must not find "was". */
const FUZZY_MIN_CHARS = 4
const FUZZINESS = 0.2
/** MiniSearch's cap on edits, whatever the word's length. */
const MAX_EDITS = 6
/** A one-letter prefix matches most of the notebook: worth nothing, costs the most. */
const PREFIX_MIN_CHARS = 2

export interface ParsedQuery {
  /** The free words as typed (tokenized, not yet normalised). */
  words: string[]
  /** Quoted phrases, trimmed, non-empty. */
  phrases: string[]
  /** True while the last free word is still being typed: the query ends in it, not in a space or quote. */
  lastWordIsPrefix: boolean
}

const QUOTE_CHARS = '"“”„'
const PHRASE = new RegExp(`[${QUOTE_CHARS}]([^${QUOTE_CHARS}]*)[${QUOTE_CHARS}]`, 'g')
const WORD_CHAR_AT_END = /[\p{L}\p{M}\p{N}]$/u

export function parseQuery(query: string): ParsedQuery {
  const phrases: string[] = []
  // A closed phrase is replaced by a space, so a word typed right after it is not glued to it. An
  // unclosed quote (the analyst is still typing the phrase) is left in, and its words search as words.
  const rest = query.replace(PHRASE, (_whole, phrase: string) => {
    const trimmed = phrase.trim()
    if (trimmed) phrases.push(trimmed)
    return ' '
  })
  const words = tokenize(rest)
  return { words, phrases, lastWordIsPrefix: words.length > 0 && WORD_CHAR_AT_END.test(rest) }
}

/**
 * The phrase as a case-insensitive pattern that keeps offsets (unlike lowercasing the text, which can
 * change its length): any run of whitespace matches any other, and either apostrophe matches both.
 */
export function phrasePattern(phrase: string): RegExp {
  const words = phrase
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]"))
  return new RegExp(words.join('\\s+'), 'iu')
}

/** One term of the query, processed, with how it may match (MiniSearch's query spec, flattened). */
export interface QueryTerm {
  term: string
  prefix: boolean
  /** The most edits a match may be away: 0 for none. */
  maxEdits: number
}

/**
 * The terms every match must have (AND), phrases' first, as MiniSearch ran them: the last word is a
 * prefix while typed; words of 4+ letters forgive a typo (numbers never: 10,000 is not 13,000); a
 * phrase's words match exactly, the phrase itself being checked afterwards. Empty when nothing to find.
 */
export function queryTerms(parsed: ParsedQuery): QueryTerm[] {
  const terms: QueryTerm[] = []
  for (const phrase of parsed.phrases) {
    // The phrase check afterwards sees every word, so the index need not look up "the" or "of",
    // whose postings are the longest to walk, when the phrase has a longer word to narrow by.
    const words = tokenize(phrase)
    const longWords = words.filter((word) => word.length >= FUZZY_MIN_CHARS)
    for (const term of processed(longWords.length > 0 ? longWords : words))
      terms.push({ term, prefix: false, maxEdits: 0 })
  }
  const words = processed(parsed.words)
  words.forEach((term, i) =>
    terms.push({
      term,
      prefix: parsed.lastWordIsPrefix && i === words.length - 1 && term.length >= PREFIX_MIN_CHARS,
      maxEdits:
        term.length >= FUZZY_MIN_CHARS && !/\d/.test(term)
          ? Math.min(MAX_EDITS, Math.round(term.length * FUZZINESS))
          : 0,
    }),
  )
  return terms
}

function processed(words: string[]): string[] {
  return words.map(processTerm).filter((term): term is string => Boolean(term))
}
