/**
 * Splits a long source text into ranges the index treats as documents, so that a hit can say where in
 * the text it lies and so that a word on page 1 and another on page 40 do not make a page-41 match.
 */

export interface TextRange {
  start: number
  end: number
}

/** About a screenful: long enough for BM25 to see context, short enough that a hit is a place. */
export const CHUNK_TARGET_CHARS = 1000

/**
 * Packs whole paragraphs (lines, as the reader shows them) into chunks of at most `target` characters;
 * a paragraph longer than that is cut at sentence ends, else at spaces. Ranges are trimmed of surrounding
 * whitespace, ascending, non-overlapping; blank text gives none.
 */
export function chunkText(text: string, target = CHUNK_TARGET_CHARS): TextRange[] {
  const chunks: TextRange[] = []
  let open: TextRange | null = null
  for (const paragraph of paragraphs(text)) {
    if (paragraph.end - paragraph.start > target) {
      if (open) chunks.push(open)
      open = null
      chunks.push(...splitLongParagraph(text, paragraph, target))
    } else if (open && paragraph.end - open.start <= target) {
      open.end = paragraph.end
    } else {
      if (open) chunks.push(open)
      open = { ...paragraph }
    }
  }
  if (open) chunks.push(open)
  return chunks
}

function paragraphs(text: string): TextRange[] {
  const ranges: TextRange[] = []
  let lineStart = 0
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart)
    const lineEnd = newline === -1 ? text.length : newline
    const trimmed = trimRange(text, lineStart, lineEnd)
    if (trimmed) ranges.push(trimmed)
    lineStart = lineEnd + 1
  }
  return ranges
}

function trimRange(text: string, start: number, end: number): TextRange | null {
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  return end > start ? { start, end } : null
}

/** A sentence end: punctuation, any closing quotes or brackets, then whitespace. */
const SENTENCE_END = /[.?!…]["'”’)\]]*(?=\s)/g

function splitLongParagraph(text: string, paragraph: TextRange, target: number): TextRange[] {
  const pieces: TextRange[] = []
  let start = paragraph.start
  while (paragraph.end - start > target) {
    const cut = breakBefore(text, start, start + target)
    const piece = trimRange(text, start, cut)
    if (piece) pieces.push(piece)
    start = cut
  }
  const rest = trimRange(text, start, paragraph.end)
  if (rest) pieces.push(rest)
  return pieces
}

/** Where to end a piece that starts at `start` and may not pass `limit`: never earlier than halfway. */
function breakBefore(text: string, start: number, limit: number): number {
  const earliest = start + Math.floor((limit - start) / 2)
  const window = text.slice(earliest, limit)
  let sentenceEnd = -1
  for (const found of window.matchAll(SENTENCE_END)) sentenceEnd = earliest + found.index + found[0].length
  if (sentenceEnd > earliest) return sentenceEnd
  const space = window.search(/\s\S*$/)
  if (space > 0) return earliest + space
  // No space at all (a URL, a script without spaces): cut hard, but not inside a surrogate pair.
  const code = text.charCodeAt(limit - 1)
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit
}
