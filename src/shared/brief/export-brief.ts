/**
 * The export as one pure step: verify every quote, then build the document. With any problem it
 * returns the problems and no content at all, so an export never writes anything false.
 */
import type { NotebookData } from '../model'
import { collectBrief } from './brief-model'
import { briefFileName } from './file-name'
import { buildHtmlBrief } from './html'
import { buildMarkdownBrief } from './markdown'
import type { QuoteProblem } from './verify-quotes'
import { verifyQuotes } from './verify-quotes'

export type BriefFormat = 'markdown' | 'html'

export type BriefDocumentResult =
  { ok: true; content: string; fileName: string } | { ok: false; problems: QuoteProblem[] }

export function buildBriefDocument(
  notebook: NotebookData,
  texts: ReadonlyMap<string, string | null>,
  format: BriefFormat,
  generated: string,
  pages?: ReadonlyMap<string, number>,
): BriefDocumentResult {
  const problems = verifyQuotes(notebook, texts)
  if (problems.length) return { ok: false, problems }
  const brief = collectBrief(notebook, { generated, ...(pages ? { pages } : {}) })
  return format === 'markdown'
    ? { ok: true, content: buildMarkdownBrief(brief), fileName: briefFileName(notebook.meta.name, 'md') }
    : { ok: true, content: buildHtmlBrief(brief), fileName: briefFileName(notebook.meta.name, 'html') }
}
