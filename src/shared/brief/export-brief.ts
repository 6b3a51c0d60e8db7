/**
 * The export as one pure step: verify every quote, then build the document. With any problem it
 * returns the problems and no content at all, so an export never writes anything false.
 */
import type { BriefDraft, NotebookData } from '../model'
import { composeDraft, type CiteSource } from './draft-tree'
import { collectBrief } from './brief-model'
import { briefFileName } from './file-name'
import { buildHtmlBrief, treeToHtml } from './html'
import { buildMarkdownBrief, treeToMarkdown } from './markdown'
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

/**
 * A composed brief as one pure step: compose, verify every quote it cites (claims and notes alike),
 * then serialise. With any problem: the problems, and no content.
 */
export function buildDraftDocument(
  notebook: NotebookData,
  draft: BriefDraft,
  texts: ReadonlyMap<string, string | null>,
  format: BriefFormat,
  pages?: ReadonlyMap<string, number>,
  citeSource?: CiteSource,
): BriefDocumentResult {
  const composed = composeDraft(notebook, draft, pages, citeSource)
  // verifyQuotes checks claim annotations: every quote the draft cites is checked the same way.
  const cited = { ...notebook, annotations: composed.quoted.map((a) => ({ ...a, kind: 'claim' as const })) }
  const problems = verifyQuotes(cited, texts)
  if (problems.length) return { ok: false, problems }
  return format === 'markdown'
    ? { ok: true, content: treeToMarkdown(composed.tree), fileName: briefFileName(composed.title, 'md') }
    : {
        ok: true,
        content: treeToHtml(composed.tree, composed.title),
        fileName: briefFileName(composed.title, 'html'),
      }
}
