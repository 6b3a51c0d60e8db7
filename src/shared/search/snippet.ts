/** The line of context a hit shows: about 160 characters around the match, cut between words. */

export const SNIPPET_CHARS = 160

/**
 * A window of `text` around [matchStart, matchEnd) (or its opening, without one), with a third of the
 * room before the match and the rest after, since what follows a term usually says more. Whitespace
 * (line breaks included) shows as single spaces; … marks a cut.
 */
export function snippetAround(
  text: string,
  match: { start: number; end: number } | null,
  width = SNIPPET_CHARS,
): string {
  let start = 0
  if (match) {
    const room = Math.max(0, width - (match.end - match.start))
    start = Math.max(0, match.start - Math.floor(room / 3))
  }
  let end = Math.min(text.length, start + width)
  // Slide back if the window ran off the end, so a match near the end still gets a full line.
  start = Math.max(0, Math.min(start, end - width))
  if (start > 0) {
    const space = text.slice(start, match ? match.start : end).search(/\s/)
    if (space >= 0) start += space + 1
  }
  if (end < text.length) {
    const lastSpace = text.slice(match ? match.end : start, end).search(/\s\S*$/)
    if (lastSpace >= 0) end = (match ? match.end : start) + lastSpace
  }
  const body = text.slice(start, end).replace(/\s+/g, ' ').trim()
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`
}
