/**
 * What every format's extractor returns: the flat text we store and anchor on, the block structure
 * laid over it, and the metadata the file itself declares. Extractors are pure functions of the
 * bytes (no network, no file reads beyond the bytes given) and throw a DomainError naming the file
 * when it cannot be read.
 */
import type { Block, BlockType, DocumentStructure, Link, TextDirection } from '../../../shared/model'

export interface ExtractedMetadata {
  title: string
  /** Author(s) as the document states them. */
  byline: string
  /** The outlet: site name, publisher. */
  siteName: string
  /** YYYY-MM-DD, or ''. */
  published: string
  /** The document's canonical URL if it declares one, or ''. */
  url: string
}

export interface ExtractedDocument {
  text: string
  structure: DocumentStructure
  metadata: ExtractedMetadata
  /** Things the analyst should know (e.g. "2 footnotes kept after the body"). */
  warnings: string[]
}

export const EMPTY_METADATA: ExtractedMetadata = {
  title: '',
  byline: '',
  siteName: '',
  published: '',
  url: '',
}

/** A piece of a block's inline content: plain text, or the text of a link with its target. */
export type Inline = string | { text: string; href: string }

/** Collapses whitespace across inline pieces, keeping where each link's text ends up. */
function collapseInlines(pieces: readonly Inline[]): {
  text: string
  links: Array<{ start: number; end: number; href: string }>
} {
  let text = ''
  const links: Array<{ start: number; end: number; href: string }> = []
  for (const piece of pieces) {
    const raw = typeof piece === 'string' ? piece : piece.text
    let chunk = raw.replace(/\s+/g, ' ')
    if (text.endsWith(' ') || text === '') chunk = chunk.replace(/^ /, '')
    const start = text.length
    text += chunk
    if (typeof piece !== 'string') {
      const trimmedEnd = text.endsWith(' ') ? text.length - 1 : text.length
      if (trimmedEnd > start) links.push({ start, end: trimmedEnd, href: piece.href })
    }
  }
  const trimmed = text.replace(/ $/, '')
  return { text: trimmed, links: links.map((l) => ({ ...l, end: Math.min(l.end, trimmed.length) })) }
}

/**
 * Builds the text and its blocks together so offsets can never disagree. Whitespace inside a block
 * is collapsed to single spaces; blocks are joined by one \n; empty blocks are dropped.
 */
export class DocumentBuilder {
  private parts: string[] = []
  private length = 0
  private readonly blocks: Block[] = []
  private readonly links: Link[] = []

  /** Adds a block; returns its start offset in the text, or null if it was empty. */
  addBlock(
    type: BlockType,
    content: string | readonly Inline[],
    options: { level?: number; page?: number } = {},
  ): number | null {
    const { text, links } = collapseInlines(typeof content === 'string' ? [content] : content)
    if (!text) return null
    if (this.parts.length > 0) {
      this.parts.push('\n')
      this.length += 1
    }
    const start = this.length
    this.parts.push(text)
    this.length += text.length
    this.blocks.push({ type, start, end: this.length, ...options })
    for (const link of links)
      this.links.push({ start: start + link.start, end: start + link.end, href: link.href.slice(0, 4096) })
    return start
  }

  get textLength(): number {
    return this.length
  }

  build(lang = '', dir: TextDirection = 'auto'): { text: string; structure: DocumentStructure } {
    return { text: this.parts.join(''), structure: { blocks: this.blocks, links: this.links, lang, dir } }
  }
}
