/**
 * Lays a source's text out for the reader: blocks (from the extracted structure, or one paragraph per
 * line for plain text), each cut into segments at highlight and link edges, all in offsets of the
 * whole text, so a DOM selection maps straight back to TextPositionSelector offsets.
 */
import type { Block, Link } from '../../../shared/model'

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
  /** The link this text belongs to, shown but never followed. */
  href?: string
}

export interface LaidOutBlock extends Block {
  segments: Segment[]
}

/** Plain text has no structure: each non-empty line is a paragraph. */
export function lineBlocks(text: string): Block[] {
  const blocks: Block[] = []
  let start = 0
  while (start <= text.length) {
    const newline = text.indexOf('\n', start)
    const end = newline === -1 ? text.length : newline
    if (text.slice(start, end).trim().length > 0) blocks.push({ type: 'paragraph', start, end })
    start = end + 1
  }
  return blocks
}

function cutBlock(
  text: string,
  block: Block,
  highlights: readonly Highlight[],
  links: readonly Link[],
): Segment[] {
  const { start, end } = block
  const inside = highlights.filter((h) => h.start < end && h.end > start)
  const blockLinks = links.filter((l) => l.start < end && l.end > start)
  const edges = new Set([start, end])
  for (const range of [...inside, ...blockLinks]) {
    edges.add(Math.max(range.start, start))
    edges.add(Math.min(range.end, end))
  }
  const sorted = [...edges].sort((a, b) => a - b)
  const segments: Segment[] = []
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [from, to] = [sorted[i]!, sorted[i + 1]!]
    const covering = inside
      .filter((h) => h.start <= from && h.end >= to)
      .sort((a, b) => b.end - b.start - (a.end - a.start))
    const link = blockLinks.find((l) => l.start <= from && l.end >= to)
    segments.push({
      start: from,
      end: to,
      text: text.slice(from, to),
      highlights: covering,
      ...(link ? { href: link.href } : {}),
    })
  }
  return segments
}

export function layoutText(
  text: string,
  highlights: readonly Highlight[],
  blocks: readonly Block[] = lineBlocks(text),
  links: readonly Link[] = [],
): LaidOutBlock[] {
  return blocks
    .filter((block) => block.end > block.start && block.end <= text.length)
    .map((block) => ({ ...block, segments: cutBlock(text, block, highlights, links) }))
}
