/**
 * The stored texts a brief cites, and only those: a brief never reads (or hands on) a text it does
 * not quote. Each text is read once however many quotes cite it.
 */
import type { Source } from '../../../shared/model'
import { sha256Hex } from '../sha256'
import type { NotebookStore } from '../notebook-store'

/** Source id -> its stored text as it is on disk now, or null when the file is missing or unreadable. */
export async function readCitedTexts(
  store: Pick<NotebookStore, 'readText'>,
  sources: readonly Source[],
): Promise<Map<string, string | null>> {
  const bySha = new Map<string, Promise<string | null>>()
  for (const { textSha256 } of sources)
    if (!bySha.has(textSha256))
      bySha.set(
        textSha256,
        store.readText(textSha256).catch(() => null),
      )
  const texts = new Map<string, string | null>()
  for (const source of sources) texts.set(source.id, await bySha.get(source.textSha256)!)
  return texts
}

/**
 * The sources whose text no longer has the SHA-256 it is stored under: changed outside Corroborate.
 * The brief's appendix vouches for each cited text by that hash, so it must still be true.
 */
export function alteredSources(
  sources: readonly Source[],
  texts: ReadonlyMap<string, string | null>,
): Source[] {
  return sources.filter((source) => {
    const text = texts.get(source.id)
    return typeof text === 'string' && sha256Hex(text) !== source.textSha256
  })
}
