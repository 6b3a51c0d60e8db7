/**
 * The claims x sources matrix: a row per claim, a column per source that speaks to any claim, and in
 * each cell how that source stands on that claim and the words it uses.
 */
import type { Claim, NotebookData, Source, Stance } from '../model'
import { resolveLinks } from './corroboration'

export interface MatrixQuote {
  annotationId: string
  stance: Stance
  quote: string
  attributedTo: string
}

export interface ClaimsMatrix {
  claims: Claim[]
  sources: Source[]
  /** Cell key: `${claimId}|${sourceId}`; absent when the source says nothing on the claim. */
  cells: Map<string, MatrixQuote[]>
}

export const cellKey = (claimId: string, sourceId: string) => `${claimId}|${sourceId}`

/** The cell's overall stance: a source that both supports and contradicts reads as "mixed". */
export function cellStance(quotes: readonly MatrixQuote[]): Stance | 'mixed' {
  const stances = new Set(quotes.map((q) => q.stance))
  if (stances.has('supports') && stances.has('contradicts')) return 'mixed'
  return stances.has('contradicts') ? 'contradicts' : stances.has('supports') ? 'supports' : 'mentions'
}

export function buildMatrix(
  notebook: Pick<NotebookData, 'claims' | 'annotations' | 'sources'>,
): ClaimsMatrix {
  const cells = new Map<string, MatrixQuote[]>()
  const speaking = new Set<string>()
  for (const claim of notebook.claims) {
    for (const link of resolveLinks(claim, notebook.annotations, notebook.sources)) {
      const key = cellKey(claim.id, link.source.id)
      const quote = {
        annotationId: link.annotation.id,
        stance: link.stance,
        quote: link.annotation.target.quote.exact,
        attributedTo: link.attributedTo,
      }
      cells.set(key, [...(cells.get(key) ?? []), quote])
      speaking.add(link.source.id)
    }
  }
  return { claims: [...notebook.claims], sources: notebook.sources.filter((s) => speaking.has(s.id)), cells }
}
