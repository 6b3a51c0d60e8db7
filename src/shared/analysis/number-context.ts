/**
 * What stands around a number: whether it is a count at all (not a year, a date, a time, a phone or
 * page number, a percentage), and the qualifier before it ("at least", "more than").
 */
import { QUALIFIERS } from './lexicon'
import type { Token } from './tokens'
import { NOT_NUMBER_WORDS } from './number-value'
import { endsPhrase, has, isCapitalized } from './tokens'

const NOT_A_COUNT = ['Ordinal', 'Date', 'Year', 'Time', 'PhoneNumber', 'Fraction', 'Percent']
const PAGE_WORDS: ReadonlySet<string> = new Set('page pages p pp chapter section no number'.split(' '))
const PERCENT_WORDS: ReadonlySet<string> = new Set(['percent', 'per', '%', 'pc'])

export function isNotACount(tokens: readonly Token[], from: number, to: number): boolean {
  const run = tokens.slice(from, to + 1)
  // compromise can read "reports of 1,500" as a year; a thousands separator rules that out.
  const grouped = (token: Token) => /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(token.text)
  if (run.some((token) => !grouped(token) && NOT_A_COUNT.some((tag) => has(token, tag)))) return true
  // Digits glued to letters are model numbers and measures: "4K", "1080p", "3.5mm", "$163M".
  const plainNumber = /^[$£€¥]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/
  if (run.some((token) => /\d/.test(token.text) && !plainNumber.test(token.text))) return true
  if (run.some((token) => /^0\d/.test(token.text) || NOT_NUMBER_WORDS.has(token.normal))) return true
  // "Xbox 360 games", "Windows 10": a number right after a name is part of the name.
  const before = tokens[from - 1]
  const afterName =
    isCapitalized(before) &&
    before!.index > 0 &&
    before!.post === ' ' &&
    !has(before, 'Verb') &&
    !has(before, 'Possessive')
  if (afterName && !has(before, 'Date')) return true
  // "22-year-old": part of a compound adjective, not a count.
  if (tokens[to]!.post.startsWith('-')) return true
  if (PERCENT_WORDS.has(tokens[to + 1]?.normal ?? '') || has(tokens[to + 1], 'Time')) return true
  return PAGE_WORDS.has(tokens[from - 1]?.normal ?? '')
}

/** Index of the first word of a qualifier before the number ("more than"), or the number itself. */
export function qualifierStart(tokens: readonly Token[], numberStart: number): number {
  for (const qualifier of QUALIFIERS) {
    const length = qualifier.split(' ').length
    const from = numberStart - length
    if (from < 0) continue
    const words = tokens.slice(from, numberStart)
    if (words.some((token) => endsPhrase(token) && token !== words.at(-1))) continue
    if (endsPhrase(words.at(-1))) continue
    if (words.map((token) => token.normal).join(' ') === qualifier) return from
  }
  return numberStart
}
