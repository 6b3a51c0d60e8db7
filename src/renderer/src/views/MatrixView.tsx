/** Claims x sources: each cell the source's stance and the words it uses; a click opens the highlight. */
import { useMemo } from 'react'
import { buildMatrix, cellKey, cellStance } from '../../../shared/claims'
import type { NotebookSnapshot } from '../../../main/api/snapshot'

const STANCE_MARK = { supports: '✔', contradicts: '✘', mentions: '•', mixed: '±' } as const

interface Props {
  notebook: NotebookSnapshot
  onOpenAnnotation(annotationId: string): void
  onSelectClaim(claimId: string): void
  onExportCsv(): void
}

export function MatrixView({ notebook, onOpenAnnotation, onSelectClaim, onExportCsv }: Props) {
  const matrix = useMemo(() => buildMatrix(notebook), [notebook])
  if (matrix.claims.length === 0) {
    return (
      <section className="pane matrix-view" aria-label="Matrix">
        <p className="empty">
          No claims yet. The matrix shows each claim against each source: link annotations to claims (from an
          annotation’s card in the Read view, or Make claim in Conflicts) to see who says what.
        </p>
      </section>
    )
  }
  return (
    <section className="pane matrix-view" aria-label="Matrix">
      <button className="matrix-export" onClick={onExportCsv}>
        Export as CSV…
      </button>
      <table className="matrix">
        <caption>Claims × sources: ✔ supports, ✘ contradicts, • mentions, ± both</caption>
        <thead>
          <tr>
            <th scope="col">Claim</th>
            {matrix.sources.map((source) => (
              <th key={source.id} scope="col" title={source.title}>
                {source.outlet || source.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.claims.map((claim) => (
            <tr key={claim.id}>
              <th scope="row">
                <button className="link-button" onClick={() => onSelectClaim(claim.id)}>
                  {claim.statement}
                </button>
              </th>
              {matrix.sources.map((source) => {
                const quotes = matrix.cells.get(cellKey(claim.id, source.id))
                if (!quotes)
                  return (
                    <td key={source.id}>
                      <span className="sr-only">no statement</span>
                    </td>
                  )
                const stance = cellStance(quotes)
                return (
                  <td key={source.id} className={`cell stance-${stance}`}>
                    {quotes.map((q) => (
                      <button
                        key={q.annotationId}
                        className="cell-quote"
                        title={`${q.stance}${q.attributedTo ? `, per ${q.attributedTo}` : ''}: open in the reader`}
                        onClick={() => onOpenAnnotation(q.annotationId)}
                      >
                        <span aria-hidden="true">{STANCE_MARK[q.stance]}</span>
                        <span className="sr-only">{q.stance}: </span> {q.quote}
                      </button>
                    ))}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
