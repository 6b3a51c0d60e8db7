/**
 * Splits a source's text into paragraphs (one per non-empty line) and each paragraph into segments
 * bounded by highlight edges, all in offsets of the whole text, so a DOM selection maps straight
 * back to TextPositionSelector offsets.
 */
export interface Highlight {
  id: string
  kind: 'claim' | 'note'
  start: number
  end: number
}

export interface Segment {
  start: number
  end: number
  text: string
  /** Highlights covering this segment, innermost (shortest) last. */
  highlights: Highlight[]
}

export interface Paragraph {
  start: number
  end: number
  segments: Segment[]
}

export function splitParagraphs(text: string): Array<{ start: number; end: number }> {
  const paragraphs: Array<{ start: number; end: number }> = []
  let start = 0
  while (start <= text.length) {
    const newline = text.indexOf('\n', start)
    const end = newline === -1 ? text.length : newline
    if (text.slice(start, end).trim().length > 0) paragraphs.push({ start, end })
    start = end + 1
  }
  return paragraphs
}

export function layoutText(text: string, highlights: readonly Highlight[]): Paragraph[] {
  return splitParagraphs(text).map(({ start, end }) => {
    const inside = highlights.filter((h) => h.start < end && h.end > start)
    const edges = new Set([start, end])
    for (const h of inside) {
      edges.add(Math.max(h.start, start))
      edges.add(Math.min(h.end, end))
    }
    const sorted = [...edges].sort((a, b) => a - b)
    const segments: Segment[] = []
    for (let i = 0; i + 1 < sorted.length; i++) {
      const [from, to] = [sorted[i]!, sorted[i + 1]!]
      const covering = inside
        .filter((h) => h.start <= from && h.end >= to)
        .sort((a, b) => b.end - b.start - (a.end - a.start))
      segments.push({ start: from, end: to, text: text.slice(from, to), highlights: covering })
    }
    return { start, end, segments }
  })
}
