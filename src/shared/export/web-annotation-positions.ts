/**
 * The notebook counts offsets in UTF-16 code units (as JavaScript and the DOM do); the Web Annotation
 * model counts Unicode code points ("characters", model 4.2.5; w3c/web-annotation#206). The two differ
 * by one for every astral character (emoji, mathematical letters, CJK Extension B...) before an offset,
 * so converting needs the text itself.
 */
import { anchorTarget } from '../anchoring'
import type { Target } from '../model'
import type { WebTextPositionSelector } from './web-annotation-types'

export interface CodePointIndex {
  /** Code points before a UTF-16 offset; null when the offset splits a surrogate pair or is out of range. */
  toCodePoints(offset: number): number | null
}

/** One pass over the text, then a binary search per offset: notebooks hold many annotations per text. */
export function codePointIndex(text: string): CodePointIndex {
  // UTF-16 offsets of the second half of each surrogate pair, ascending.
  const lowHalves: number[] = []
  for (let at = 1; at < text.length; at++) {
    if (isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at))) lowHalves.push(at)
  }
  return {
    toCodePoints(offset) {
      if (!Number.isInteger(offset) || offset < 0 || offset > text.length) return null
      const before = countBelow(lowHalves, offset + 1)
      // offset itself is a low half: the offset falls inside a character.
      if (before > 0 && lowHalves[before - 1] === offset) return null
      return offset - before
    },
  }
}

/**
 * The position selector for `target` in `text`, in code points: where the quote is found verbatim, at
 * its stored position or (if the text moved) where the app's own anchoring puts it. Null when the quote
 * is no longer verbatim in the text: a position selecting other words than `exact` would contradict
 * the quote selector beside it.
 */
export function codePointPosition(
  text: string,
  index: CodePointIndex,
  target: Target,
): WebTextPositionSelector | null {
  const anchor = anchorTarget(text, target)
  if (anchor.status !== 'exact') return null
  const start = index.toCodePoints(anchor.start)
  const end = index.toCodePoints(anchor.end)
  if (start === null || end === null) return null
  return { type: 'TextPositionSelector', start, end }
}

/** How many of the ascending `values` are below `limit`. */
function countBelow(values: readonly number[], limit: number): number {
  let low = 0
  let high = values.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if ((values[mid] ?? Infinity) < limit) low = mid + 1
    else high = mid
  }
  return low
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}
