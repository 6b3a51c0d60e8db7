/** Reads what the analyst typed: free words (the last one possibly half-typed) and "exact phrases". */
import type { QueryCombination } from 'minisearch'
import { tokenize } from './tokenize'

/** Below this length a typo is as likely another word: "war" must not find "was". */
const FUZZY_MIN_CHARS = 4
const FUZZINESS = 0.2
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

/**
 * The MiniSearch query: every word and every phrase's words must match (AND). The last word is a
 * prefix while typed; words of 4+ letters forgive a typo (numbers never: 10,000 is not 13,000); a
 * phrase's words match exactly, the phrase itself being checked afterwards. Null when nothing to find.
 */
export function miniSearchQuery(parsed: ParsedQuery): QueryCombination | null {
  const queries: QueryCombination[] = parsed.phrases.map((phrase) => {
    // The phrase check afterwards sees every word, so the index need not look up "the" or "of",
    // whose postings are the longest to walk, when the phrase has a longer word to narrow by.
    const words = tokenize(phrase)
    const longWords = words.filter((word) => word.length >= FUZZY_MIN_CHARS)
    return { queries: [(longWords.length > 0 ? longWords : words).join(' ')], prefix: false, fuzzy: false }
  })
  if (parsed.words.length > 0)
    queries.push({
      queries: [parsed.words.join(' ')],
      prefix: (term, i, terms) =>
        parsed.lastWordIsPrefix && i === terms.length - 1 && term.length >= PREFIX_MIN_CHARS,
      fuzzy: (term) => (term.length >= FUZZY_MIN_CHARS && !/\d/.test(term) ? FUZZINESS : false),
    })
  return queries.length > 0 ? { combineWith: 'AND', queries } : null
}
