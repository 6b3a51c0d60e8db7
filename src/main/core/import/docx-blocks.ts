/**
 * Turns the HTML mammoth makes from a DOCX into blocks. Mammoth's output is a small, regular
 * vocabulary (p, h1-h6, ul/ol/li, table, a, strong/em/sup...), but an embedded style map inside the
 * document can name other elements, so anything unknown is walked as a container rather than trusted.
 *
 * Footnotes and endnotes: mammoth appends them as one <ol> of <li id="footnote-N"> at the very end,
 * each ending in a "↑" back-link. They become 'footnote' blocks after the body, prefixed with the
 * same "[n]" marker the body keeps at the reference, so a quote from either side can be matched up
 * in plain text.
 */
import { JSDOM } from 'jsdom'
import type { BlockType } from '../../../shared/model'
import type { DocumentBuilder, Inline } from './extracted-document'

export interface DocxBlocksSummary {
  footnotes: number
  endnotes: number
  /** Images met (and dropped: only text is imported). */
  images: number
}

const ELEMENT_NODE = 1
const TEXT_NODE = 3

/** Elements whose content flows within a line; everything else breaks blocks. */
const INLINE = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'BR', 'CITE', 'CODE', 'DEL', 'DFN', 'EM', 'I', 'IMG', 'INS', 'KBD',
  'MARK', 'Q', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRIKE', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'WBR',
]) // prettier-ignore

/** Links are kept as data only for schemes that name a place outside the document. */
const KEPT_LINK = /^(https?:|mailto:)/i
const NOTE_ID = /^(footnote|endnote)-/
const BACK_LINK = /^#(footnote|endnote)-ref-/

/** What loose inline text in the current container becomes when flushed. */
interface Flow {
  type: BlockType
  level?: number
}

function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE
}

function isInline(node: Node): boolean {
  return node.nodeType === TEXT_NODE || (isElement(node) && INLINE.has(node.tagName))
}

class BlockWalker {
  images = 0

  constructor(private readonly builder: DocumentBuilder) {}

  /** Inline pieces of a node; nested blocks (a <p> inside an <li>) are spaced so words never merge. */
  inlines(node: Node, into: Inline[] = []): Inline[] {
    if (node.nodeType === TEXT_NODE) {
      into.push(node.textContent ?? '')
      return into
    }
    if (!isElement(node)) return into
    const tag = node.tagName
    if (tag === 'BR') into.push(' ')
    else if (tag === 'IMG') this.images += 1
    else if (tag === 'A' && BACK_LINK.test(node.getAttribute('href') ?? '')) {
      // The "↑" that leads from a note back to its reference: navigation, not text.
    } else if (tag === 'A' && KEPT_LINK.test(node.getAttribute('href') ?? '')) {
      const pieces: Inline[] = []
      for (const child of Array.from(node.childNodes)) this.inlines(child, pieces)
      const text = pieces.map((piece) => (typeof piece === 'string' ? piece : piece.text)).join('')
      into.push({ text, href: node.getAttribute('href') ?? '' })
    } else {
      const block = !INLINE.has(tag)
      if (block) into.push(' ')
      for (const child of Array.from(node.childNodes)) this.inlines(child, into)
      if (block) into.push(' ')
    }
    return into
  }

  private add(flow: Flow, pieces: Inline[]): void {
    this.builder.addBlock(flow.type, pieces, flow.level === undefined ? {} : { level: flow.level })
  }

  /** Walks a container's children, gathering loose inline content into blocks of type `flow`. */
  container(parent: Node, flow: Flow, listLevel: number): void {
    let pending: Inline[] = []
    const flush = (): void => {
      if (pending.length > 0) this.add(flow, pending)
      pending = []
    }
    for (const child of Array.from(parent.childNodes)) {
      if (isInline(child)) {
        this.inlines(child, pending)
      } else if (isElement(child)) {
        flush()
        this.block(child, flow, listLevel)
      }
    }
    flush()
  }

  private block(element: Element, flow: Flow, listLevel: number): void {
    const tag = element.tagName
    const heading = /^H([1-6])$/.exec(tag)
    if (heading) {
      this.add({ type: 'heading', level: Number(heading[1]) }, this.inlines(element))
    } else if (tag === 'P') {
      this.add(flow, this.inlines(element))
    } else if (tag === 'PRE') {
      this.add({ type: 'preformatted' }, this.inlines(element))
    } else if (tag === 'UL' || tag === 'OL') {
      this.container(element, flow, listLevel + 1)
    } else if (tag === 'LI') {
      const level = Math.min(Math.max(listLevel, 1), 6)
      this.container(element, { type: 'list-item', level }, level)
    } else if (tag === 'BLOCKQUOTE') {
      this.container(element, { type: 'blockquote' }, listLevel)
    } else if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE') {
      // Only an embedded style map could name these; their text is still document text.
      this.add(flow, [element.textContent ?? ''])
    } else {
      // table, tr, td, div and anything a style map invents: containers whose paragraphs stand alone.
      this.container(element, flow, listLevel)
    }
  }

  /** Mammoth numbers references [1], [2]... in the order it lists the notes, so position is number. */
  notes(list: Element): { footnotes: number; endnotes: number } {
    const counts = { footnotes: 0, endnotes: 0 }
    Array.from(list.children).forEach((item, index) => {
      const pieces = this.inlines(item)
      const hasText = pieces.some((piece) => (typeof piece === 'string' ? piece : piece.text).trim() !== '')
      if (!hasText) return
      if (item.id.startsWith('endnote-')) counts.endnotes += 1
      else counts.footnotes += 1
      this.add({ type: 'footnote' }, [`[${index + 1}] `, ...pieces])
    })
    return counts
  }
}

/** Mammoth's notes list: the last top-level element, an <ol> whose items all carry note ids. */
function notesList(root: DocumentFragment): Element | null {
  const last = root.lastElementChild
  if (!last || last.tagName !== 'OL' || last.children.length === 0) return null
  const items = Array.from(last.children)
  return items.every((item) => item.tagName === 'LI' && NOTE_ID.test(item.id)) ? last : null
}

/** Adds the blocks of mammoth's HTML to `builder`: the body, then any notes. */
export function addDocxBlocks(html: string, builder: DocumentBuilder): DocxBlocksSummary {
  // A fragment: parsed like body content, with no window, no scripts and no resource loading.
  const root = JSDOM.fragment(html)
  const notes = notesList(root)
  notes?.remove()
  const walker = new BlockWalker(builder)
  walker.container(root, { type: 'paragraph' }, 0)
  const counts = notes ? walker.notes(notes) : { footnotes: 0, endnotes: 0 }
  return { ...counts, images: walker.images }
}
