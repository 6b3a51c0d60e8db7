/**
 * One finished brief tree to the file the user asked for, in one pass: Markdown, HTML (which the PDF
 * is printed from) or Word. Every format is serialised from the same tree, so no format can cite or
 * quote differently from another.
 */
import type { BriefOutline, BriefTree } from './brief-tree'
import { treeToDocx } from './docx-tree'
import { briefFileName } from './file-name'
import { treeToHtml } from './html'
import { treeToMarkdown } from './markdown'

export type BriefFileFormat = 'markdown' | 'html' | 'docx'

export interface BriefFile {
  /** Text for Markdown and HTML, bytes for Word. */
  content: string | Uint8Array
  fileName: string
}

export async function serialiseBrief(
  tree: BriefTree,
  outline: Pick<BriefOutline, 'title' | 'fileStem' | 'description'>,
  format: BriefFileFormat,
): Promise<BriefFile> {
  switch (format) {
    case 'markdown':
      return { content: treeToMarkdown(tree), fileName: briefFileName(outline.fileStem, 'md') }
    case 'html':
      return { content: treeToHtml(tree, outline.title), fileName: briefFileName(outline.fileStem, 'html') }
    case 'docx':
      return {
        content: await treeToDocx(tree, outline.title, outline.description),
        fileName: briefFileName(outline.fileStem, 'docx'),
      }
  }
}
