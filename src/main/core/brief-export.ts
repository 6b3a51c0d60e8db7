/**
 * Reads the stored texts the brief cites and hands them, with the notebook, to the pure builder,
 * which re-checks every quote verbatim. A quote that no longer matches stops the export.
 */
import { randomUUID } from 'node:crypto'
import { rename, writeFile } from 'node:fs/promises'
import type { BriefFormat } from '../../shared/ipc/payloads'
import { briefFileName, buildBriefDocument, buildDocxBrief, collectBrief } from '../../shared/brief'
import { DomainError } from './domain-error'
import { sha256Hex } from './sha256'
import type { NotebookStore } from './notebook-store'

export interface BriefFile {
  /** Text for Markdown and HTML, bytes for Word. */
  content: string | Uint8Array
  fileName: string
}

/** The PDF page each claim's quote starts on, from the blocks of its source's structure. */
export async function quotePages(store: NotebookStore): Promise<Map<string, number>> {
  const pages = new Map<string, number>()
  for (const source of store.data.sources.filter((s) => s.format === 'pdf')) {
    const structure = await store.readStructure(source.textSha256)
    if (!structure) continue
    for (const annotation of store.data.annotations.filter(
      (a) => a.sourceId === source.id && a.kind === 'claim',
    )) {
      const start = annotation.target.position.start
      const block = structure.blocks.find((b) => b.start <= start && start < b.end + 1)
      if (block?.page) pages.set(annotation.id, block.page)
    }
  }
  return pages
}

export async function prepareBrief(
  store: NotebookStore,
  format: Exclude<BriefFormat, 'pdf'>,
): Promise<BriefFile> {
  const notebook = store.data
  const texts = new Map<string, string | null>()
  const altered: string[] = []
  const cited = new Set(notebook.annotations.filter((a) => a.kind === 'claim').map((a) => a.sourceId))
  for (const source of notebook.sources) {
    const text = await store.readText(source.textSha256).catch(() => null)
    // The brief's appendix vouches for each cited text by its SHA-256: it must still be that text.
    if (text !== null && cited.has(source.id) && sha256Hex(text) !== source.textSha256)
      altered.push(source.title)
    texts.set(source.id, text)
  }
  const generated = new Date().toISOString()
  const pages = await quotePages(store)
  // Word is built from the same verified brief: the Markdown pass checks every quote first.
  const result = buildBriefDocument(
    notebook,
    texts,
    format === 'docx' ? 'markdown' : format,
    generated,
    pages,
  )
  if (!result.ok) {
    const list = result.problems.map((p) => `“${p.quote}” (${p.sourceTitle})`).join('; ')
    throw new DomainError(
      'quote-mismatch',
      `Nothing was exported: ${result.problems.length === 1 ? 'this quote no longer matches its' : 'these quotes no longer match their'} saved source: ${list}`,
      result.problems,
    )
  }
  // Every quote still matches, but the text changed elsewhere: the appendix would vouch for a hash
  // that is no longer true.
  if (altered.length > 0) {
    throw new DomainError(
      'text-altered',
      `Nothing was exported: the saved text of ${altered.map((t) => `“${t}”`).join(', ')} was changed outside Corroborate (its SHA-256 no longer matches).`,
      altered,
    )
  }
  if (format === 'docx') {
    const brief = collectBrief(notebook, { generated, pages })
    return { content: await buildDocxBrief(brief), fileName: briefFileName(notebook.meta.name, 'docx') }
  }
  return { content: result.content, fileName: result.fileName }
}

/** Writes beside the target and renames, so a failed write never leaves half a brief. */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const temp = `${path}.${randomUUID()}.tmp`
  await writeFile(temp, content)
  await rename(temp, path)
}
