/**
 * Counted quantities in one tagged sentence: "at least 3,000 soldiers", "1,500 North Korean special
 * forces", "thousands of troops". A number needs a counted noun after it; years, dates, times, phone and
 * page numbers, percentages and durations are not counts.
 */
import { COMPOUND_UNITS, CURRENCY_UNITS, QUALIFIERS, VAGUE_COUNTS, categoryOf } from './lexicon'
import { numberRunEnd, numberRunValue } from './number-value'
import type { SentenceSpan } from './sentences'
import type { Token } from './tokens'
import { endsPhrase, has, isCapitalized } from './tokens'
import type { QuantityMention } from './types'

const PAGE_WORDS: ReadonlySet<string> = new Set([
  'page',
  'pages',
  'p',
  'pp',
  'chapter',
  'section',
  'no',
  'number',
])
const PERCENT_WORDS: ReadonlySet<string> = new Set(['percent', 'per', '%', 'pc'])

export function findQuantities(
  text: string,
  tokens: readonly Token[],
  sentence: SentenceSpan,
): QuantityMention[] {
  const found: QuantityMention[] = []
  for (let i = 0; i < tokens.length; i++) {
    if (!startsCount(tokens, i)) continue
    const runEnd = numberRunEnd(tokens, i)
    const quantity = readQuantity(text, tokens, i, runEnd, sentence)
    if (quantity) found.push(quantity)
    i = runEnd
  }
  return found
}

function startsCount(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!
  if (VAGUE_COUNTS.has(token.normal)) return tokens[i + 1]?.normal === 'of'
  const previous = tokens[i - 1]
  return has(token, 'Value') && (!has(previous, 'Value') || has(previous, 'Ordinal') || endsPhrase(previous))
}

function readQuantity(
  text: string,
  tokens: readonly Token[],
  from: number,
  to: number,
  sentence: SentenceSpan,
): QuantityMention | null {
  const first = tokens[from]!
  const last = tokens[to]!
  if (isNotACount(tokens, from, to)) return null
  const value = numberRunValue(tokens, from, to)
  const currency = CURRENCY_UNITS.get(first.text.charAt(0))
  const unitSpan = currency ? null : countedNoun(tokens, to + 1, VAGUE_COUNTS.has(last.normal))
  if (!currency && !unitSpan) return null
  // A bare four-digit number is a year even with a noun after it ("2024 elections").
  if (value !== null && /^\d{4}$/.test(first.text) && value >= 1000 && value <= 2100 && !unitSpan?.known)
    return null
  const qualifierFrom = qualifierStart(tokens, from)
  const start = tokens[qualifierFrom]!.start
  const end = unitSpan ? tokens[unitSpan.to]!.end : last.end
  const qualifier = tokens
    .slice(qualifierFrom, from)
    .map((token) => token.normal)
    .join(' ')
  const unit = currency ?? unitSpan!.unit
  return {
    kind: 'quantity',
    start,
    end,
    sentenceStart: sentence.start,
    sentenceEnd: sentence.end,
    text: text.slice(start, end),
    value,
    unit,
    category: currency ? 'money' : categoryOf(unit),
    modifier: unitSpan?.modifier ?? '',
    owner: unitSpan?.owner ?? '',
    approx: qualifier !== '',
    qualifier,
  }
}

function isNotACount(tokens: readonly Token[], from: number, to: number): boolean {
  const run = tokens.slice(from, to + 1)
  const excluded = ['Ordinal', 'Date', 'Year', 'Time', 'PhoneNumber', 'Fraction', 'Percent']
  if (run.some((token) => excluded.some((tag) => has(token, tag)))) return true
  if (run.some((token) => /[:/%]|\d-\d|^\d+s$|^0\d/.test(token.text))) return true
  // "22-year-old": part of a compound adjective, not a count.
  if (tokens[to]!.post.startsWith('-')) return true
  if (PERCENT_WORDS.has(tokens[to + 1]?.normal ?? '') || has(tokens[to + 1], 'Time')) return true
  return PAGE_WORDS.has(tokens[from - 1]?.normal ?? '')
}

interface UnitSpan {
  to: number
  unit: string
  modifier: string
  owner: string
  /** The unit is one the finder knows (troops, containers): a strong sign this is a count. */
  known: boolean
}

/** The counted noun after a number, skipping "of" after vague counts and modifiers ("North Korean"). */
function countedNoun(tokens: readonly Token[], from: number, vague: boolean): UnitSpan | null {
  let i = from
  if (vague && tokens[i]?.normal === 'of') i++
  const modifiers: Token[] = []
  while (isModifier(tokens[i]) && !endsPhrase(tokens[i])) modifiers.push(tokens[i++]!)
  const nouns: Token[] = []
  while (isCountedNoun(tokens[i]) && nouns.length < 3) {
    nouns.push(tokens[i]!)
    if (endsPhrase(tokens[i++])) break
  }
  if (nouns.length === 0) return null
  const noun = nouns.map((token) => token.normal).join(' ')
  const adjective = modifiers.at(-1)
  const compound = adjective ? `${adjective.normal} ${noun}` : ''
  const unit = COMPOUND_UNITS.has(compound) ? compound : noun
  if (unit === compound) modifiers.pop()
  const lower = (tokens: readonly Token[]) => tokens.map((token) => token.text.toLowerCase()).join(' ')
  // "North Korean": the demonym and the capitalised words just before it.
  const demonym = modifiers.findLastIndex((token) => has(token, 'Demonym'))
  let ownerFrom = demonym
  while (ownerFrom > 0 && isCapitalized(modifiers[ownerFrom - 1])) ownerFrom--
  const owner = demonym < 0 ? '' : lower(modifiers.slice(ownerFrom, demonym + 1))
  const known = categoryOf(unit) !== unit || COMPOUND_UNITS.has(unit)
  return { to: i - 1, unit, modifier: lower(modifiers), owner, known }
}

function isModifier(token: Token | undefined): boolean {
  if (!token || has(token, 'Verb') || has(token, 'Value') || has(token, 'Determiner')) return false
  if (has(token, 'Adjective') || has(token, 'Demonym')) return true
  return isCapitalized(token) && !isCountedNoun(token)
}

function isCountedNoun(token: Token | undefined): boolean {
  if (!token || !has(token, 'Noun') || has(token, 'Pronoun') || has(token, 'Value')) return false
  if (has(token, 'Date') || has(token, 'Duration')) return false
  // Capitalised nouns are names unless they are a unit we know (headline case: "3,000 Troops").
  return !isCapitalized(token) || categoryOf(token.normal) !== token.normal
}

/** Index of the first word of a qualifier before the number ("more than"), or the number itself. */
function qualifierStart(tokens: readonly Token[], numberStart: number): number {
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
