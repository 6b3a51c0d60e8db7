/**
 * Counted quantities in one tagged sentence: "at least 3,000 soldiers", "1,500 North Korean special
 * forces", "thousands of troops". A number needs a counted noun after it; years, dates, times, phone and
 * page numbers, percentages and durations are not counts.
 */
import { countedNoun } from './counted-noun'
import { CURRENCY_UNITS, VAGUE_COUNTS, categoryOf } from './lexicon'
import { isNotACount, qualifierStart } from './number-context'
import { numberRunEnd, numberRunValue } from './number-value'
import type { SentenceSpan } from './sentences'
import type { Token } from './tokens'
import { endsPhrase, has, isCapitalized } from './tokens'
import type { QuantityMention } from './types'

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
  return has(token, 'Value')
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
  // "the following release, 4.0, shared…": punctuation after the number means nothing is counted.
  const counted = !currency && !endsPhrase(last)
  const unitSpan = counted ? countedNoun(tokens, to + 1, VAGUE_COUNTS.has(last.normal)) : null
  if (!currency && !unitSpan) return null
  // "the middle one shows": the word 'one' is rarely a count unless it counts a known unit.
  if (first.normal === 'one' && !unitSpan?.known) return null
  // "4 Other activities", "1.1 History": a section number heading a line, not a count.
  if (from === 0 && /\d/.test(first.text) && isCapitalized(tokens[to + 1]) && !unitSpan?.known) return null
  if (value === null && !VAGUE_COUNTS.has(last.normal)) return null
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
