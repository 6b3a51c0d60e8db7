/**
 * Any brief tree (a composed brief's mdast) as Word, with real footnotes: headings become Word
 * heading styles, lists bulleted paragraphs, block quotes the Quote style, and each GFM footnote a
 * Word footnote carrying the same citation and exact quote. Only the node types our trees use are
 * mapped; anything else keeps its text.
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
        return textRuns(node.value, { font: 'Consolas' })
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
  context: { quote?: boolean; bullet?: number } = {},
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
            ...(context.quote ? { style: 'Quote' } : {}),
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

export async function treeToDocx(tree: BriefTree, title: string): Promise<Uint8Array> {
  const definitions = tree.body.children.filter((n) => n.type === 'footnoteDefinition')
  const footnoteIds = new Map(definitions.map((d, index) => [d.identifier, index + 1]))
  const footnotes = Object.fromEntries(
    definitions.map((d, index) => [String(index + 1), { children: blocks(d.children, footnoteIds) }]),
  )
  const body = tree.body.children.filter((n) => n.type !== 'footnoteDefinition')
  const document = new Document({
    title,
    creator: CREATOR,
    lastModifiedBy: CREATOR,
    footnotes,
    sections: [{ children: [...blocks(body, footnoteIds), ...blocks(tree.appendix, footnoteIds)] }],
  })
  return Packer.pack(document, 'uint8array')
}
