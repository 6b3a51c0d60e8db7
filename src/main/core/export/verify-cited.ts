/**
 * The check a brief must pass before anything is written: every quote is still in its source's
 * stored text, word for word, and every cited text still has the SHA-256 the appendix names.
 */
import { verifyQuotes, type BriefOutline } from '../../../shared/brief'
import type { Source } from '../../../shared/model'
import { DomainError } from '../domain-error'
import type { NotebookStore } from '../notebook-store'
import { alteredSources, readCitedTexts } from './cited-texts'

/** Throws 'quote-mismatch' (with the problems) or 'text-altered' (with the sources); else returns. */
export async function verifyCited(
  store: Pick<NotebookStore, 'readText'>,
  sources: readonly Source[],
  outline: Pick<BriefOutline, 'quoted'>,
): Promise<void> {
  const sourceIds = new Set(outline.quoted.map((annotation) => annotation.sourceId))
  const cited = sources.filter((source) => sourceIds.has(source.id))
  const texts = await readCitedTexts(store, cited)
  const problems = verifyQuotes(outline.quoted, sources, texts)
  if (problems.length > 0) {
    const list = problems.map((p) => `“${p.quote}” (${p.sourceTitle})`).join('; ')
    throw new DomainError(
      'quote-mismatch',
      `Nothing was exported: ${problems.length === 1 ? 'this quote no longer matches its' : 'these quotes no longer match their'} saved source: ${list}`,
      problems,
    )
  }
  // Every quote still matches, but a text changed elsewhere: the appendix would vouch for a hash
  // that is no longer true.
  const altered = alteredSources(cited, texts)
  if (altered.length > 0) {
    throw new DomainError(
      'text-altered',
      `Nothing was exported: the saved text of ${altered.map((s) => `“${s.title}”`).join(', ')} was changed outside Corroborate (its SHA-256 no longer matches).`,
      altered.map((s) => ({ sourceId: s.id, sourceTitle: s.title })),
    )
  }
}
