/** Reads what the analyst typed: free words (the last one possibly half-typed) and "exact phrases". */
import { tokenize } from './tokenize'

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
