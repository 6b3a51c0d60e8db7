/**
 * Claims x sources: each cell the source's stance and the words it uses; a click opens the highlight.
 * The matrix is built once per notebook change; the table shows a page of claims and, of the sources
 * that bear on them, a page of columns, so it stays small whatever the notebook's size.
 */
import { useMemo, useState } from 'react'
import { cellKey, cellStance, matrixOf, matrixPage, type PageRange } from '../../../shared/claims'
import type { NotebookSnapshot } from '../../../main/api/snapshot'
import { useNotebookIndex } from './use-notebook-index'

const STANCE_MARK = { supports: '✔', contradicts: '✘', mentions: '•', mixed: '±' } as const

interface Props {
  notebook: NotebookSnapshot
  onOpenAnnotation(annotationId: string): void
  onSelectClaim(claimId: string): void
  onExportCsv(): void
}

export function MatrixView({ notebook, onOpenAnnotation, onSelectClaim, onExportCsv }: Props) {
  const index = useNotebookIndex(notebook)
  const { claims } = notebook
  const matrix = useMemo(() => matrixOf(claims, index), [claims, index])
  const [pages, setPages] = useState({ claims: 0, sources: 0 })
  const page = useMemo(() => matrixPage(matrix, pages.claims, pages.sources), [matrix, pages])
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
      <div className="matrix-bar">
        <button className="matrix-export" onClick={onExportCsv}>
          Export as CSV…
        </button>
        <Pager noun="claims" range={page.claimRange} onPage={(at) => setPages({ claims: at, sources: 0 })} />
        <Pager
          noun="sources"
          range={page.sourceRange}
          onPage={(at) => setPages({ claims: page.claimRange.page, sources: at })}
        />
      </div>
      <table className="matrix">
        <caption>Claims × sources: ✔ supports, ✘ contradicts, • mentions, ± both</caption>
        <thead>
          <tr>
            <th scope="col">Claim</th>
            {page.sources.map((source) => (
              <th key={source.id} scope="col" title={source.title}>
                {source.outlet || source.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {page.claims.map((claim) => (
            <tr key={claim.id}>
              <th scope="row">
                <button className="link-button" onClick={() => onSelectClaim(claim.id)}>
                  {claim.statement}
                </button>
              </th>
              {page.sources.map((source) => {
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

/** "Sources 21–40 of 137" with Previous and Next; nothing when everything fits on one page. */
function Pager({ noun, range, onPage }: { noun: string; range: PageRange; onPage(page: number): void }) {
  if (range.pages <= 1) return null
  const label = `${noun[0]!.toUpperCase()}${noun.slice(1)}`
  return (
    <nav className="matrix-pager" aria-label={`Pages of ${noun}`}>
      <button disabled={range.page === 0} onClick={() => onPage(range.page - 1)}>
        Previous {noun}
      </button>
      <span role="status">
        {label} {range.start + 1}–{range.end} of {range.total.toLocaleString()}
        {noun === 'sources' ? ' bearing on these claims' : ''}
      </span>
      <button disabled={range.page >= range.pages - 1} onClick={() => onPage(range.page + 1)}>
        Next {noun}
      </button>
    </nav>
  )
}
