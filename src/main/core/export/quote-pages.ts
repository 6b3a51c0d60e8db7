/** The PDF page each cited quote starts on, read from the structure of the cited PDF sources only. */
import type { FootnoteCall } from '../../../shared/brief'
import type { NotebookStore } from '../notebook-store'

/** Annotation id -> page, for the calls whose source is a PDF with a stored structure. */
export async function quotePages(
  store: Pick<NotebookStore, 'readStructure'>,
  calls: readonly FootnoteCall[],
): Promise<Map<string, number>> {
  const pages = new Map<string, number>()
  const structures = new Map<string, ReturnType<NotebookStore['readStructure']>>()
  for (const { annotation, source } of calls) {
    if (source.format !== 'pdf') continue
    if (!structures.has(source.textSha256))
      structures.set(source.textSha256, store.readStructure(source.textSha256))
    const structure = await structures.get(source.textSha256)!
    if (!structure) continue
    const start = annotation.target.position.start
    const block = structure.blocks.find((b) => b.start <= start && start < b.end + 1)
    if (block?.page) pages.set(annotation.id, block.page)
  }
  return pages
}
