/**
 * Words as the index sees them. One regex serves indexing, querying and locating a match in the text,
 * so a term MiniSearch reports can always be found again at its offsets.
 */

/**
 * A word is a run of letters, marks and digits. It may continue across an apostrophe followed by a
 * letter ("Kirby’s", "don't") and, between digits, across a comma or point, so that "3,000" and "1.5"
 * stay single tokens instead of "3" + "000".
 */
const WORD = /[\p{L}\p{M}\p{N}]+(?:(?:(?<=\p{N})[.,](?=\p{N})|['’](?=\p{L}))[\p{L}\p{M}\p{N}]+)*/gu

const THOUSANDS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/
const POSSESSIVE = /'s$/
const MARKS = /\p{M}/gu
const PLAIN = /^[a-z0-9]+$/

export interface Token {
  term: string
  start: number
  end: number
}

/** MiniSearch's `tokenize`: the raw words, unnormalised (processTerm normalises). */
export function tokenize(text: string): string[] {
  return text.match(WORD) ?? []
}

/**
 * MiniSearch's `processTerm`, for documents and queries alike. Idempotent, because MiniSearch runs it
 * on query strings we have already processed.
 * - Case and diacritics fold ("Kyïv" finds "Kyiv"), since analysts type without accents.
 * - Typographic apostrophes become ASCII, a possessive 's drops and inner apostrophes go, so "Kirby's",
 *   "Kirby’s" and "Kirby" are one term and "dont" finds "don't".
 * - Thousands separators go ("3,000" → "3000"), so "3,000" and "3000" find each other; decimals stay.
 */
export function processTerm(term: string): string | null {
  // Most words are plain ASCII letters or digits: skip normalising them (indexing spends its time here).
  const lower = term.toLowerCase()
  if (PLAIN.test(lower)) return lower
  let folded = term.normalize('NFD').replace(MARKS, '').toLowerCase().replaceAll('’', "'")
  folded = folded.replace(POSSESSIVE, '').replaceAll("'", '')
  if (THOUSANDS.test(folded)) folded = folded.replaceAll(',', '')
  return folded.length > 0 ? folded : null
}

/**
 * The first word of `text` whose processed term is in `preferred`; failing that, the first in
 * `fallback`; else null.
 */
export function firstTokenIn(
  text: string,
  preferred: ReadonlySet<string>,
  fallback: ReadonlySet<string> = preferred,
): Token | null {
  return quickly(text, preferred, fallback) ?? firstTokenWordByWord(text, preferred, fallback)
}

/** firstTokenIn the plain way: every word tokenized and processed, in order. */
export function firstTokenWordByWord(
  text: string,
  preferred: ReadonlySet<string>,
  fallback: ReadonlySet<string>,
): Token | null {
  let first: Token | null = null
  for (const found of text.matchAll(WORD)) {
    const term = processTerm(found[0])
    if (!term) continue
    const token = { term, start: found.index, end: found.index + found[0].length }
    if (preferred.has(term)) return token
    if (!first && fallback.has(term)) {
      if (preferred.size === 0) return token
      first = token
    }
  }
  return first
}

/**
 * A character a word may fold at: a letter, mark or digit beyond ASCII (an accent, another script)
 * or an apostrophe. Curly quotes, dashes and the like are not in words, so they fold nothing.
 */
const FOLDING = /(?=[\p{L}\p{M}\p{N}])\P{ASCII}|['’]/u
const LETTERS = /^[a-z]+$/
const WORD_CHAR = /[A-Za-z0-9]/
const WORD_AT = new RegExp(WORD.source, 'uy')
/** Beyond this many terms, one pass of the tokenizer is cheaper than a search per term. */
const MAX_TERMS_SEARCHED = 32

/**
 * Locating a match is most of what building a hit costs, so it is first looked for as a substring.
 * Before the text's first character a word can fold at (an accent, an apostrophe), a word's lowercase
 * letters are its term, so the earliest substring that starts a word with that term is the word the
 * tokenizer would find. `undefined` when the answer may lie past that point: then read word by word.
 */
function quickly(
  text: string,
  preferred: ReadonlySet<string>,
  fallback: ReadonlySet<string>,
): Token | null | undefined {
  if (preferred.size + fallback.size > MAX_TERMS_SEARCHED) return undefined
  for (const set of [preferred, fallback]) for (const term of set) if (!LETTERS.test(term)) return undefined
  const lower = text.toLowerCase()
  if (lower.length !== text.length) return undefined
  const folding = text.search(FOLDING)
  const plainUntil = folding < 0 ? text.length : folding
  const wanted = firstOccurrence(text, lower, preferred, plainUntil)
  if (wanted) return wanted
  // A preferred word may still lie past the plain part: only a wholly plain text rules it out.
  if (folding >= 0 && preferred.size > 0) return undefined
  return firstOccurrence(text, lower, fallback, plainUntil) ?? (folding < 0 ? null : undefined)
}

/** The earliest word starting before `plainUntil` whose term is in `terms`. */
function firstOccurrence(
  text: string,
  lower: string,
  terms: ReadonlySet<string>,
  plainUntil: number,
): Token | null {
  let best: Token | null = null
  for (const term of terms) {
    const limit = Math.min(best ? best.start : plainUntil, plainUntil)
    for (let at = lower.indexOf(term); at >= 0 && at < limit; at = lower.indexOf(term, at + 1)) {
      if (at > 0 && WORD_CHAR.test(text[at - 1]!)) continue
      WORD_AT.lastIndex = at
      const word = WORD_AT.exec(text)?.[0]
      if (!word || processTerm(word) !== term) continue
      best = { term, start: at, end: at + word.length }
      break
    }
  }
  return best
}
