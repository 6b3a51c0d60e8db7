/**
 * The extent and value of a number written over several tokens: "12,000", "1.2 million", "three
 * thousand", "tens of thousands". compromise reads number words; it splits "1.2" from "million", so
 * digits followed by a multiplier are read here.
 */
import nlp from 'compromise'
import { MULTIPLIERS, VAGUE_COUNTS } from './lexicon'
import type { Token } from './tokens'
import { endsPhrase, has } from './tokens'

/** Last token of the number starting at `from`. */
export function numberRunEnd(tokens: readonly Token[], from: number): number {
  let to = from
  // An ordinal stands alone: "the first 500 troops" is "first" then a count.
  while (!endsPhrase(tokens[to]) && !has(tokens[to], 'Ordinal')) {
    const next = tokens[to + 1]
    if (continuesNumber(tokens[to]!, next)) to++
    // "tens of thousands", "hundreds of thousands": still one vague count.
    else if (
      next?.normal === 'of' &&
      VAGUE_COUNTS.has(tokens[to]!.normal) &&
      isVagueOrMultiple(tokens[to + 2])
    )
      to += 2
    else break
  }
  return to
}

/** Words compromise tags as numbers that are not ("a pound", "a few ways", "$600 and $800"). */
export const NOT_NUMBER_WORDS: ReadonlySet<string> = new Set(['a', 'an', 'and', 'few', 'several', 'couple'])

function continuesNumber(current: Token, next: Token | undefined): boolean {
  if (!next || !has(next, 'Value') || has(next, 'Date') || NOT_NUMBER_WORDS.has(next.normal)) return false
  if (MULTIPLIERS.has(next.normal)) return true
  // Number words run on ("twenty five"); digits never run into the next number ("7946 0958").
  return !/\d/.test(current.text) && !/\d/.test(next.text)
}

const isVagueOrMultiple = (token: Token | undefined) =>
  token !== undefined && (VAGUE_COUNTS.has(token.normal) || MULTIPLIERS.has(token.normal))

/** The number's value, or null for vague counts ("thousands") and words compromise cannot read. */
export function numberRunValue(tokens: readonly Token[], from: number, to: number): number | null {
  const run = tokens.slice(from, to + 1)
  if (run.some((token) => VAGUE_COUNTS.has(token.normal))) return null
  const [first, ...rest] = run
  if (!first) return null
  if (/\d/.test(first.text)) {
    let value = Number.parseFloat(first.text.replace(/[^\d.]/g, ''))
    for (const word of rest) value *= MULTIPLIERS.get(word.normal) ?? 1
    return Number.isFinite(value) ? value : null
  }
  return valueOfWords(run.map((token) => token.normal).join(' '))
}

/**
 * compromise's reading of a number in words. Tagging the words costs as much as tagging a sentence, and
 * news repeats the same few ("two", "three", "hundreds"), so readings are remembered (a bounded few).
 */
const wordValues = new Map<string, number | null>()
const MAX_REMEMBERED = 2000

function valueOfWords(words: string): number | null {
  const known = wordValues.get(words)
  if (known !== undefined) return known
  const parsed: unknown = (nlp(words).numbers().get() as unknown[])[0]
  const value = typeof parsed === 'number' && Number.isFinite(parsed) ? parsed : null
  if (wordValues.size >= MAX_REMEMBERED) wordValues.clear()
  wordValues.set(words, value)
  return value
}
