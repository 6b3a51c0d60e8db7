/**
 * Many real documents (exports from Google Docs, government handbooks, anything typed by someone who
 * never met the Styles pane) mark headings by direct formatting only: a short paragraph in big bold
 * type with the Normal style. Mammoth maps styles, not looks, so those come out as <p><strong>; this
 * transform of mammoth's document tree gives such paragraphs a heading style name before conversion
 * so the default style map turns them into <h1>-<h3>. Deliberately narrow: every run of text must be
 * large (and bold unless very large), the paragraph short and not a list item, so body text in a
 * document that is all 12pt bold stays body text.
 */

/** The part of mammoth's document model this transform reads (mammoth types it as `any`). */
export interface MammothNode {
  type: string
  children?: MammothNode[]
  value?: string
  styleId?: string | null
  styleName?: string | null
  numbering?: unknown
  isBold?: boolean
  fontSize?: number | null
}

/** Points; Word's body text is 10-12pt. */
const MIN_HEADING_SIZE = 14
/** Large enough to be a heading even without bold. */
const UNBOLDED_HEADING_SIZE = 18
const MAX_HEADING_CHARS = 120

function isMammothNode(value: unknown): value is MammothNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
}

function runsOf(node: MammothNode, into: MammothNode[] = []): MammothNode[] {
  for (const child of node.children ?? []) {
    if (child.type === 'run') into.push(child)
    else runsOf(child, into)
  }
  return into
}

function textOf(node: MammothNode): string {
  if (node.type === 'text') return node.value ?? ''
  return (node.children ?? []).map(textOf).join('')
}

/** The heading level the paragraph's direct formatting suggests, or null for body text. */
export function visualHeadingLevel(paragraph: MammothNode): 1 | 2 | 3 | null {
  const styleName = paragraph.styleName ?? null
  if (styleName !== null && styleName.toLowerCase() !== 'normal') return null
  if (paragraph.numbering) return null
  const textRuns = runsOf(paragraph).filter((run) => textOf(run).trim() !== '')
  if (textRuns.length === 0) return null
  const text = textRuns.map(textOf).join('').trim()
  if (text.length > MAX_HEADING_CHARS) return null
  let smallest = Infinity
  for (const run of textRuns) {
    const size = run.fontSize ?? 0
    if (size < MIN_HEADING_SIZE) return null
    if (!run.isBold && size < UNBOLDED_HEADING_SIZE) return null
    smallest = Math.min(smallest, size)
  }
  if (smallest >= 20) return 1
  if (smallest >= 16) return 2
  return 3
}

function transform(node: MammothNode): MammothNode {
  if (node.type === 'paragraph') {
    const level = visualHeadingLevel(node)
    // Mammoth's default style map has `p[style-name='Heading N'] => hN:fresh`.
    return level === null ? node : { ...node, styleId: `Heading${level}`, styleName: `Heading ${level}` }
  }
  if (node.type === 'run' || !node.children) return node
  const children = node.children.map(transform)
  // Copy only the path to a changed paragraph; the rest of a long document is shared as is.
  return children.every((child, i) => child === node.children?.[i]) ? node : { ...node, children }
}

/** For mammoth's `transformDocument` option. */
export function promoteVisualHeadings(document: unknown): unknown {
  return isMammothNode(document) ? transform(document) : document
}
