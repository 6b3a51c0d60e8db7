import type { Target } from '../model'
import { splitsSurrogatePair, widenToWholeCharacters } from './surrogate-pairs'

/** How much context to keep on each side, in UTF-16 units (Hypothesis uses 32 too). */
export const CONTEXT_LENGTH = 32

/**
 * Describe the range [start, end) of `text` both by position and by quote (with context), so that it
 * can be found again after the text has moved or changed a little. Offsets are UTF-16 code units.
 */
export function createTarget(text: string, start: number, end: number): Target {
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new RangeError(`Target offsets must be integers, got start=${start}, end=${end}`)
  }
  if (start < 0 || end > text.length) {
    throw new RangeError(
      `Target range [${start}, ${end}) is out of bounds for a text of length ${text.length}`,
    )
  }
  if (start >= end) throw new RangeError(`Target range [${start}, ${end}) is empty`)

  // A selection edge inside a surrogate pair would store half a character; take the whole one.
  ;[start, end] = widenToWholeCharacters(text, start, end)
  const exact = text.slice(start, end)
  if (exact.trim() === '') throw new RangeError(`Target range [${start}, ${end}) contains only whitespace`)

  // Context that cannot take a whole character at its outer edge gives up that character instead.
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH)
  if (splitsSurrogatePair(text, prefixStart)) prefixStart += 1
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH)
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd -= 1

  return {
    quote: {
      type: 'TextQuoteSelector',
      exact,
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
    position: { type: 'TextPositionSelector', start, end },
  }
}
