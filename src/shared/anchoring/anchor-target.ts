import approxSearch from 'approx-string-match'
import type { Target } from '../model'
import { widenToWholeCharacters } from './surrogate-pairs'

/**
 * Where a target lies in the current text. 'exact' means the quote was found verbatim; 'fuzzy' means
 * a close-enough variant was found (score in 0..1, 1 being perfect); 'orphan' means it is gone.
 */
export type Anchor =
  { status: 'exact' | 'fuzzy'; start: number; end: number; score?: number } | { status: 'orphan' }

type Candidate = { start: number; end: number; errors: number }

// Weights from Hypothesis's matchQuote: the quote dominates, context breaks ties between lookalikes,
// and position only separates candidates that are otherwise indistinguishable.
const QUOTE_WEIGHT = 50
const PREFIX_WEIGHT = 20
const SUFFIX_WEIGHT = 20
const POSITION_WEIGHT = 2
const MAX_SCORE = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT

/** Hypothesis caps the edit distance so that a long quote cannot make the search crawl. */
const MAX_FUZZY_ERRORS = 256
/** A fuzzy match must keep at least this share of the quote, or it is some other passage. */
const MIN_FUZZY_QUOTE_SIMILARITY = 0.75

/**
 * Find `target` in `text`: at its recorded position if the quote is still there, otherwise wherever
 * the quote (or, failing that, something close to it) fits best. Never throws for a target that no
 * longer fits: that is an orphan, which the UI shows as such.
 */
export function anchorTarget(text: string, target: Target): Anchor {
  const { exact, prefix, suffix } = target.quote
  if (exact.length === 0) return { status: 'orphan' }
  const hint = target.position.start

  if (quoteIsAtPosition(text, target)) {
    return { status: 'exact', start: target.position.start, end: target.position.end }
  }

  const scoreCandidate = (candidate: Candidate): number => {
    const quoteScore = 1 - candidate.errors / exact.length
    const prefixScore = prefix
      ? similarity(text.slice(Math.max(0, candidate.start - prefix.length), candidate.start), prefix)
      : 1
    const suffixScore = suffix
      ? similarity(text.slice(candidate.end, candidate.end + suffix.length), suffix)
      : 1
    const positionScore = 1 - Math.abs(candidate.start - hint) / text.length
    const raw =
      QUOTE_WEIGHT * quoteScore +
      PREFIX_WEIGHT * prefixScore +
      SUFFIX_WEIGHT * suffixScore +
      POSITION_WEIGHT * positionScore
    return raw / MAX_SCORE
  }

  const exactMatch = bestCandidate(findExactOccurrences(text, exact), scoreCandidate)
  if (exactMatch) return { status: 'exact', start: exactMatch.start, end: exactMatch.end }

  const maxErrors = Math.min(MAX_FUZZY_ERRORS, Math.floor(exact.length / 2))
  const closeEnough = approxSearch(text, exact, maxErrors).filter(
    (candidate) => 1 - candidate.errors / exact.length >= MIN_FUZZY_QUOTE_SIMILARITY,
  )
  const fuzzyMatch = bestCandidate(closeEnough, scoreCandidate)
  if (!fuzzyMatch) return { status: 'orphan' }
  // The edit-distance search works on code units and may cut an astral character in half.
  const [start, end] = widenToWholeCharacters(text, fuzzyMatch.start, fuzzyMatch.end)
  return { status: 'fuzzy', start, end, score: fuzzyMatch.score }
}

/** Guards against bad stored offsets too: a negative start would make `slice` count from the end. */
function quoteIsAtPosition(text: string, target: Target): boolean {
  const { start, end } = target.position
  const { exact } = target.quote
  return start >= 0 && end - start === exact.length && text.startsWith(exact, start)
}

function findExactOccurrences(text: string, quote: string): Candidate[] {
  const occurrences: Candidate[] = []
  // Step by one, not by the quote's length, so overlapping occurrences ('aa' in 'aaa') all count.
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    occurrences.push({ start: at, end: at + quote.length, errors: 0 })
  }
  return occurrences
}

/** Highest score wins; on a tie the earliest candidate does, so the result is deterministic. */
function bestCandidate(
  candidates: Candidate[],
  score: (candidate: Candidate) => number,
): (Candidate & { score: number }) | undefined {
  let best: (Candidate & { score: number }) | undefined
  for (const candidate of candidates) {
    const candidateScore = score(candidate)
    if (!best || candidateScore > best.score) best = { ...candidate, score: candidateScore }
  }
  return best
}

/** Share of `expected` that `actual` reproduces, 0..1, by edit distance (Hypothesis's textMatchScore). */
function similarity(actual: string, expected: string): number {
  if (actual === expected) return 1
  if (actual.length === 0 || expected.length === 0) return 0
  const [match] = approxSearch(actual, expected, expected.length)
  return match ? 1 - match.errors / expected.length : 0
}
