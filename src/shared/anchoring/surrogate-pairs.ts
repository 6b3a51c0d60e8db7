/**
 * Offsets are UTF-16 code units, so an offset can land between the two halves of an astral-plane
 * character (emoji, CJK Extension B, Gothic...). Slicing there leaves a lone surrogate, which renders
 * as garbage and never matches the well-formed text again, so every boundary we store goes through here.
 */

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff

/** True when `offset` falls between a high and a low surrogate, i.e. inside one character. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false
  return isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset))
}

/** Widen [start, end) by one unit at either edge that would cut a character in half. */
export function widenToWholeCharacters(text: string, start: number, end: number): [number, number] {
  return [
    splitsSurrogatePair(text, start) ? start - 1 : start,
    splitsSurrogatePair(text, end) ? end + 1 : end,
  ]
}
