/**
 * A brief tree as Word (.docx), with real footnotes, so an analyst can keep editing it in Word and
 * every claim still carries its citation: headings become Word heading styles, lists bulleted
 * paragraphs, block quotes the Quote style, and each GFM footnote a Word footnote (in Word's own
 * Footnote Text style) carrying the same citation and exact quote as the Markdown and HTML. Only the
 * node types our trees use are mapped; anything else keeps its text.
 *
 * Purity: the docx package zips in plain JavaScript and hands back a Uint8Array. The bytes are not
 * repeatable, though: docx stamps the package's creation time from the clock.
 */
import type { ParagraphChild } from 'docx'
import { Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph } from 'docx'
import type { BlockContent, DefinitionContent, PhrasingContent, RootContent } from 'mdast'
import type { BriefTree } from './brief-tree'
import { phrasingText, textRuns, urlChildren } from './docx-runs'

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
]
const CREATOR = 'Corroborate'
/** Hashes read better, and are easier to compare by eye, in a fixed-width face. */
const CODE_FONT = 'Consolas'

interface BlockContext {
  quote?: boolean
  bullet?: number
  /** The docx package leaves footnote paragraphs unstyled (Normal, full size). */
  footnote?: boolean
}

function runs(
  phrasing: readonly PhrasingContent[],
  footnoteIds: ReadonlyMap<string, number>,
): ParagraphChild[] {
  return phrasing.flatMap((node): ParagraphChild[] => {
    switch (node.type) {
      case 'footnoteReference': {
        const id = footnoteIds.get(node.identifier)
        return id ? [new FootnoteReferenceRun(id)] : []
      }
      case 'link':
        return urlChildren(node.url)
      case 'strong':
        return textRuns(phrasingText(node.children), { bold: true })
      case 'emphasis':
        return textRuns(phrasingText(node.children), { italics: true })
      case 'inlineCode':
        return textRuns(node.value, { font: CODE_FONT })
      case 'break':
        return textRuns('\n')
      default:
        return textRuns(phrasingText([node]))
    }
  })
}

function blocks(
  nodes: ReadonlyArray<RootContent | BlockContent | DefinitionContent>,
  footnoteIds: ReadonlyMap<string, number>,
  context: BlockContext = {},
): Paragraph[] {
  return nodes.flatMap((node): Paragraph[] => {
    switch (node.type) {
      case 'heading':
        return [
          new Paragraph({
            heading: HEADINGS[Math.min(node.depth, 4) - 1],
            children: runs(node.children, footnoteIds),
          }),
        ]
      case 'paragraph':
        return [
          new Paragraph({
            children: runs(node.children, footnoteIds),
            ...(context.quote ? { style: 'Quote' } : context.footnote ? { style: 'FootnoteText' } : {}),
            ...(context.bullet !== undefined ? { bullet: { level: context.bullet } } : {}),
          }),
        ]
      case 'blockquote':
        return blocks(node.children, footnoteIds, { ...context, quote: true })
      case 'list':
        return node.children.flatMap((item) =>
          blocks(item.children, footnoteIds, { ...context, bullet: (context.bullet ?? -1) + 1 }),
        )
      default:
        return []
    }
  })
}

/** `description`: the document property Word shows in File > Info. */
export async function treeToDocx(tree: BriefTree, title: string, description?: string): Promise<Uint8Array> {
  const definitions = tree.body.children.filter((n) => n.type === 'footnoteDefinition')
  // Word numbers footnotes 1..n; ours are numbered in the order their calls appear, as Word shows them.
  const footnoteIds = new Map(definitions.map((d, index) => [d.identifier, index + 1]))
  const footnotes = Object.fromEntries(
    definitions.map((d, index) => [
      String(index + 1),
      { children: blocks(d.children, footnoteIds, { footnote: true }) },
    ]),
  )
  const body = tree.body.children.filter((n) => n.type !== 'footnoteDefinition')
  const document = new Document({
    title,
    creator: CREATOR,
    lastModifiedBy: CREATOR,
    ...(description ? { description } : {}),
    footnotes,
    sections: [{ children: [...blocks(body, footnoteIds), ...blocks(tree.appendix, footnoteIds)] }],
  })
  return Packer.pack(document, 'uint8array')
}
