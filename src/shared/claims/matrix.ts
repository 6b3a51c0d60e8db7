/**
 * The claims x sources matrix: a row per claim, a column per source that speaks to any claim, and in
 * each cell how that source stands on that claim and the words it uses.
 */
import type { Claim, NotebookData, Source, Stance } from '../model'
import { resolveLinks } from './corroboration'
import { indexNotebook, type NotebookIndex } from './notebook-index'

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
  /** Claim id → the ids of the sources that speak to it. */
  sourceIdsByClaim: Map<string, Set<string>>
}

export const cellKey = (claimId: string, sourceId: string) => `${claimId}|${sourceId}`

/** The cell's overall stance: a source that both supports and contradicts reads as "mixed". */
export function cellStance(quotes: readonly MatrixQuote[]): Stance | 'mixed' {
  const stances = new Set(quotes.map((q) => q.stance))
  if (stances.has('supports') && stances.has('contradicts')) return 'mixed'
  return stances.has('contradicts') ? 'contradicts' : stances.has('supports') ? 'supports' : 'mentions'
}

/** The whole notebook's matrix (the CSV export's): its index is built unless the caller has one. */
export function buildMatrix(
  notebook: Pick<NotebookData, 'claims' | 'annotations' | 'sources'>,
  index: NotebookIndex = indexNotebook(notebook),
): ClaimsMatrix {
  return matrixOf(notebook.claims, index)
}

/** A row per claim, built in one pass over the claims' links. */
export function matrixOf(claims: readonly Claim[], index: NotebookIndex): ClaimsMatrix {
  const cells = new Map<string, MatrixQuote[]>()
  const sourceIdsByClaim = new Map<string, Set<string>>()
  for (const claim of claims) {
    const speaking = new Set<string>()
    for (const link of resolveLinks(claim, index)) {
      const key = cellKey(claim.id, link.source.id)
      const quote = {
        annotationId: link.annotation.id,
        stance: link.stance,
        quote: link.annotation.target.quote.exact,
        attributedTo: link.attributedTo,
      }
      const cell = cells.get(key)
      if (cell) cell.push(quote)
      else cells.set(key, [quote])
      speaking.add(link.source.id)
    }
    sourceIdsByClaim.set(claim.id, speaking)
  }
  const rows = [...claims]
  return {
    claims: rows,
    sources: sourcesBearingOn({ sources: index.sources, sourceIdsByClaim }, rows),
    cells,
    sourceIdsByClaim,
  }
}

/** The sources (in library order) that speak to any of `claims`: the matrix's columns for those rows. */
export function sourcesBearingOn(
  matrix: { sources: readonly Source[]; sourceIdsByClaim: ReadonlyMap<string, ReadonlySet<string>> },
  claims: readonly Claim[],
): Source[] {
  const speaking = new Set<string>()
  for (const claim of claims) for (const id of matrix.sourceIdsByClaim.get(claim.id) ?? []) speaking.add(id)
  return speaking.size === 0 ? [] : matrix.sources.filter((s) => speaking.has(s.id))
}
