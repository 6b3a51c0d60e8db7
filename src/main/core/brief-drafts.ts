/** Composed briefs: saved whole (the composer edits a copy), deleted with undo, exported verified. */
import type { BriefDraft } from '../../shared/model'
import type { BriefFormat } from '../../shared/ipc/payloads'
import { briefFileName, buildDraftDocument, composeDraft } from '../../shared/brief'
import { treeToDocx } from '../../shared/brief/docx-tree'
import { cslCiteSource } from './citations/csl-cite'
import { DomainError } from './domain-error'
import type { NotebookStore } from './notebook-store'
import { quotePages, type BriefFile } from './brief-export'

export async function saveDraft(store: NotebookStore, draft: BriefDraft): Promise<BriefDraft> {
  return store.update((data) => {
    const saved = { ...draft, modified: new Date().toISOString() }
    const index = data.briefs.findIndex((b) => b.id === draft.id)
    if (index >= 0) data.briefs[index] = saved
    else data.briefs.push(saved)
    return saved
  })
}

export async function deleteDraft(store: NotebookStore, id: string): Promise<BriefDraft> {
  return store.update((data) => {
    const draft = data.briefs.find((b) => b.id === id)
    if (!draft) throw new DomainError('not-found', 'That brief is no longer in the notebook.')
    data.briefs = data.briefs.filter((b) => b.id !== id)
    return draft
  })
}

/** Markdown, HTML or Word of a composed brief; every quote is re-checked against the saved texts first. */
export async function prepareDraft(
  store: NotebookStore,
  id: string,
  format: Extract<BriefFormat, 'markdown' | 'html' | 'docx'>,
  cslDir: string,
): Promise<BriefFile> {
  const draft = store.data.briefs.find((b) => b.id === id)
  if (!draft) throw new DomainError('not-found', 'That brief is no longer in the notebook.')
  const texts = new Map<string, string | null>()
  for (const source of store.data.sources)
    texts.set(source.id, await store.readText(source.textSha256).catch(() => null))
  const pages = await quotePages(store)
  // Word is built from the same verified tree: the Markdown pass checks every quote first.
  const cite = cslCiteSource(cslDir, draft.citationStyle)
  const result = buildDraftDocument(
    store.data,
    draft,
    texts,
    format === 'docx' ? 'markdown' : format,
    pages,
    cite,
  )
  if (!result.ok) {
    const list = result.problems.map((p) => `“${p.quote}” (${p.sourceTitle})`).join('; ')
    throw new DomainError(
      'quote-mismatch',
      `Nothing was exported: these quotes no longer match their saved source: ${list}`,
      result.problems,
    )
  }
  if (format === 'docx') {
    const composed = composeDraft(store.data, draft, pages, cite)
    return {
      content: await treeToDocx(composed.tree, composed.title),
      fileName: briefFileName(composed.title, 'docx'),
    }
  }
  return { content: result.content, fileName: result.fileName }
}
