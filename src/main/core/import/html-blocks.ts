/**
 * Walks an article's DOM into DocumentBuilder blocks: headings, paragraphs, list items (with their
 * nesting depth), quotes and preformatted lines, with links kept as data. The walk is iterative
 * (an explicit stack), because hostile pages nest thousands of elements deep and recursion would
 * overflow the call stack.
 */
import type { BlockType } from '../../../shared/model'
import type { DocumentBuilder, Inline } from './extracted-document'

const ELEMENT_NODE = 1
const TEXT_NODE = 3

/** Never part of the article: code, styling, embedded documents, media and form controls. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'img',
  'picture',
  'video',
  'audio',
  'canvas',
  'map',
  'input',
  'button',
  'select',
  'textarea',
  'datalist',
  'meter',
  'progress',
  'head',
  'title',
  'link',
  'meta',
  'base',
])

/** Elements that end the running line of text; everything else is inline and joins it. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
])

const LISTS = new Set(['ul', 'ol', 'menu', 'dir'])

interface Context {
  type: BlockType
  level: number | undefined
  listDepth: number
  pre: boolean
  /** The `<a>` the text is inside, when its href is one we keep. */
  anchor: Element | null
  href: string
}

interface Piece {
  text: string
  anchor: Element | null
  href: string
}

type Step = { node: Node; ctx: Context } | { exit: Context }

/** An href worth keeping as data: absolute http(s) or mailto. Everything else stays plain text. */
function safeHref(raw: string | null): string {
  if (!raw) return ''
  try {
    const url = new URL(raw.trim())
    const ok = url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:'
    return ok && url.href.length <= 4096 ? url.href : ''
  } catch {
    return ''
  }
}

/** Hidden in the page itself (the body fallback sees these; Readability already drops them). */
function isHidden(el: Element): boolean {
  return el.hasAttribute('hidden') || /display\s*:\s*none/i.test(el.getAttribute('style') ?? '')
}

function blockContext(name: string, parent: Context): Context {
  const heading = /^h([1-6])$/.exec(name)
  if (heading) return { ...parent, type: 'heading', level: Number(heading[1]), pre: false }
  if (LISTS.has(name)) return { ...parent, listDepth: parent.listDepth + 1 }
  if (name === 'li')
    return { ...parent, type: 'list-item', level: Math.min(6, Math.max(1, parent.listDepth)) }
  if (name === 'blockquote') return { ...parent, type: 'blockquote', level: undefined }
  if (name === 'pre') return { ...parent, type: 'preformatted', level: undefined, pre: true }
  // Paragraphs and containers take their enclosing block's type: a <p> inside a quote is quoted.
  return parent
}

/**
 * Makes the Inline pieces for one block: adjacent text of the same <a> becomes one link, and a
 * link's outer spaces move outside it so its range covers exactly the visible anchor text.
 */
function toInlines(pieces: readonly Piece[]): Inline[] {
  const merged: Piece[] = []
  for (const piece of pieces) {
    const last = merged.at(-1)
    if (last && last.anchor === piece.anchor) last.text += piece.text
    else merged.push({ ...piece })
  }
  const out: Inline[] = []
  for (const piece of merged) {
    if (!piece.anchor) {
      out.push(piece.text)
      continue
    }
    // trim(), not a regex: /\s*$/ is quadratic on long whitespace runs, which a hostile page can send.
    const text = piece.text.trim()
    if (piece.text.trimStart() !== piece.text) out.push(' ')
    if (text) out.push({ text, href: piece.href })
    if (piece.text.trimEnd() !== piece.text) out.push(' ')
  }
  return out
}

/** Splits preformatted pieces at newlines, so each line of code or verse stays its own line. */
function toLines(pieces: readonly Piece[]): Piece[][] {
  const lines: Piece[][] = [[]]
  for (const piece of pieces) {
    piece.text.split(/\r\n?|\n/).forEach((part, i) => {
      if (i > 0) lines.push([])
      lines.at(-1)?.push({ ...piece, text: part })
    })
  }
  return lines
}

/** Adds the blocks of everything under `root` to `builder`. */
export function addBlocks(root: Node, builder: DocumentBuilder): void {
  const rootCtx: Context = {
    type: 'paragraph',
    level: undefined,
    listDepth: 0,
    pre: false,
    anchor: null,
    href: '',
  }
  let current = rootCtx
  let pieces: Piece[] = []

  const flush = () => {
    const { type, level } = current
    const lines = current.pre ? toLines(pieces) : [pieces]
    for (const line of lines) builder.addBlock(type, toInlines(line), level ? { level } : {})
    pieces = []
  }

  const stack: Step[] = [{ node: root, ctx: rootCtx }]
  for (let step = stack.pop(); step; step = stack.pop()) {
    if ('exit' in step) {
      flush()
      current = step.exit
      continue
    }
    const { node, ctx } = step
    if (node.nodeType === TEXT_NODE) {
      pieces.push({ text: node.nodeValue ?? '', anchor: ctx.anchor, href: ctx.href })
      continue
    }
    if (node.nodeType !== ELEMENT_NODE && node !== root) continue
    const el = node as Element
    const name = el.localName ?? ''
    if (node.nodeType === ELEMENT_NODE && (SKIPPED.has(name) || isHidden(el))) continue
    if (name === 'br') {
      pieces.push({ text: ctx.pre ? '\n' : ' ', anchor: ctx.anchor, href: ctx.href })
      continue
    }
    let childCtx = ctx
    if (BLOCKS.has(name)) {
      flush()
      // The exit step restores the outer block, so text after this element continues it.
      stack.push({ exit: current })
      childCtx = blockContext(name, ctx)
      current = childCtx
    } else if (name === 'a') {
      const href = safeHref(el.getAttribute('href'))
      if (href) childCtx = { ...ctx, anchor: el, href }
    }
    // Last child first, so the stack pops them in document order. (Sibling links, not childNodes:
    // jsdom builds a NodeList per call, which adds up on pages with 100,000 elements.)
    for (let child = node.lastChild; child; child = child.previousSibling)
      stack.push({ node: child, ctx: childCtx })
  }
  flush()
}
