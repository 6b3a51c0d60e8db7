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

/** The first word of `text` whose processed term is one of `terms`, or null. */
export function firstTokenIn(text: string, terms: ReadonlySet<string>): Token | null {
  for (const found of text.matchAll(WORD)) {
    const term = processTerm(found[0])
    if (term && terms.has(term)) return { term, start: found.index, end: found.index + found[0].length }
  }
  return null
}
