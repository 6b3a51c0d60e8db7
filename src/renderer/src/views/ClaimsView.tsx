/**
 * Claims: every claim with its grade and how many outlets and independent origins support or
 * contradict it; the selected claim's quotes side by side, by stance, with source grades. The
 * summaries are computed once per notebook change from one index; the list draws the rows in view.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import {
  CREDIBILITY_LABELS,
  effectiveReliability,
  RELIABILITY_LABELS,
  type NotebookIndex,
} from '../../../shared/claims'
import type { Credibility, Reliability, Stance } from '../../../shared/model'
import type { NotebookSnapshot } from '../../../main/api/snapshot'
import { STANCES } from '../components/ClaimLinker'
import { listKeyTarget } from '../components/list-keys'
import { useVirtualList } from '../components/use-virtual-list'
import { useEdit } from '../edits'
import { useGuard } from '../notices'
import { describeCounts, summarise, type ClaimSummary } from './claim-summary'
import { useNotebookIndex } from './use-notebook-index'

interface Props {
  notebook: NotebookSnapshot
  selectedClaimId: string | null
  onSelectClaim(id: string | null): void
  onOpenAnnotation(annotationId: string): void
}

const GRADES: Reliability[] = ['A', 'B', 'C', 'D', 'E', 'F']
const CREDIBILITIES: Credibility[] = [1, 2, 3, 4, 5, 6]

export function ClaimsView({ notebook, selectedClaimId, onSelectClaim, onOpenAnnotation }: Props) {
  const edit = useEdit()
  const [draft, setDraft] = useState('')
  const index = useNotebookIndex(notebook)
  const summaries = useMemo(() => notebook.claims.map((c) => summarise(c, index)), [notebook.claims, index])
  const found = summaries.findIndex((s) => s.claim.id === selectedClaimId)
  const selectedIndex = found >= 0 ? found : summaries.length > 0 ? 0 : -1
  const selected = summaries[selectedIndex] ?? null
  const guard = useGuard()
  const getItemKey = useCallback((i: number) => summaries[i]!.claim.id, [summaries])
  const scrollRef = useRef<HTMLDivElement>(null)
  const { virtualizer, rows, listProps, focusRow } = useVirtualList({
    scrollRef,
    count: summaries.length,
    estimateSize: 60,
    getItemKey,
    keep: [selectedIndex],
  })
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex)
  }, [selectedIndex, virtualizer])
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const row = (event.target as HTMLElement).closest('[data-index]')
    if (!row || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
    const pageSize = Math.max(1, virtualizer.getVirtualItems().length - 2)
    const target = listKeyTarget(
      event.key,
      Number(row.getAttribute('data-index')),
      summaries.length,
      pageSize,
    )
    if (target === null) return
    event.preventDefault()
    focusRow(target, '.claim-item')
  }

  const create = (event: FormEvent) => {
    event.preventDefault()
    guard(
      edit(
        'Create claim',
        'claims:create',
        [{ statement: draft, links: [] }],
        (c) => ['claims:delete', c.id],
        (c) => ['claims:restore', c],
      ).then((claim) => {
        setDraft('')
        onSelectClaim(claim.id)
      }),
    )
  }

  return (
    <div className="claims-view">
      <nav className="pane claim-list" aria-label="Claims">
        <h2 className="pane-title">Claims ({summaries.length})</h2>
        <form onSubmit={create} className="new-claim">
          <input
            aria-label="New claim statement"
            placeholder="Word a new claim…"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <button type="submit" disabled={!draft.trim()}>
            Add
          </button>
        </form>
        {summaries.length === 0 && (
          <p className="empty">
            No claims yet. Word one above, link an annotation to a claim from its card (press L on a selected
            annotation), or make one from a finding in the Conflicts view.
          </p>
        )}
        <div className="virtual-scroller" ref={scrollRef}>
          <ul className="virtual-list" aria-label="Claims" onKeyDown={onKeyDown} {...listProps}>
            {rows.map(({ key, index: at, ...row }) => {
              const s = summaries[at]!
              return (
                <li key={key} {...row}>
                  <button
                    className={`claim-item${at === selectedIndex ? ' selected' : ''}`}
                    aria-current={at === selectedIndex ? 'true' : undefined}
                    onClick={() => onSelectClaim(s.claim.id)}
                  >
                    <span className="claim-statement">{s.claim.statement}</span>
                    <span className="claim-meta">
                      <span
                        className="grade"
                        title={s.claim.credibility ? CREDIBILITY_LABELS[s.claim.credibility] : 'Not graded'}
                      >
                        {s.claim.credibility ?? '–'}
                      </span>{' '}
                      {describeCounts(s.counts)}
                    </span>
                  </button>
                </li>
              )
            })}
          </ul>
        </div>
      </nav>
      {selected ? (
        <ClaimDetail
          key={selected.claim.id}
          summary={selected}
          index={index}
          onOpenAnnotation={onOpenAnnotation}
          guard={guard}
        />
      ) : (
        <section className="pane claim-detail" aria-label="Claim">
          <p className="empty">A claim you select appears here, with its quotes side by side by stance.</p>
        </section>
      )}
    </div>
  )
}

function ClaimDetail({
  summary,
  index,
  onOpenAnnotation,
  guard,
}: {
  summary: ClaimSummary
  index: NotebookIndex
  onOpenAnnotation(id: string): void
  guard(work: Promise<unknown>): void
}) {
  const edit = useEdit()
  const { claim, links, counts, suggestion } = summary
  const [statement, setStatement] = useState(claim.statement)
  const setCredibility = (credibility: Credibility | null) =>
    guard(
      edit('Grade claim', 'claims:update', [claim.id, { credibility }], () => [
        'claims:update',
        claim.id,
        { credibility: claim.credibility },
      ]),
    )
  const setStance = (annotationId: string, stance: Stance) => {
    const link = claim.links.find((l) => l.annotationId === annotationId)!
    guard(
      edit('Change stance', 'claims:link', [claim.id, { ...link, stance }], () => [
        'claims:link',
        claim.id,
        link,
      ]),
    )
  }
  const grade = (sourceId: string, value: string) => {
    const source = index.sourcesById.get(sourceId)!
    const next = value ? (value as Reliability) : null
    guard(
      edit('Grade source', 'sources:grade', [sourceId, next], () => [
        'sources:grade',
        sourceId,
        source.reliability ?? null,
      ]),
    )
  }

  return (
    <section className="pane claim-detail" aria-label="Claim">
      <label className="field">
        <span>Statement</span>
        <input
          className="claim-statement-input"
          value={statement}
          onChange={(e) => setStatement(e.target.value)}
          onBlur={() =>
            statement.trim() &&
            statement !== claim.statement &&
            guard(
              edit('Edit claim', 'claims:update', [claim.id, { statement }], () => [
                'claims:update',
                claim.id,
                { statement: claim.statement },
              ]),
            )
          }
        />
      </label>
      <div className="claim-grading">
        <label className="field">
          <span>Credibility (1-6)</span>
          <select
            aria-label="Credibility"
            value={claim.credibility ?? ''}
            onChange={(e) => setCredibility(e.target.value ? (Number(e.target.value) as Credibility) : null)}
          >
            <option value="">Not graded</option>
            {CREDIBILITIES.map((c) => (
              <option key={c} value={c}>
                {c} – {CREDIBILITY_LABELS[c]}
              </option>
            ))}
          </select>
        </label>
        <p className="suggestion">
          Suggested: <strong>{suggestion.grade}</strong> ({CREDIBILITY_LABELS[suggestion.grade]}).{' '}
          {suggestion.reason}{' '}
          {claim.credibility !== suggestion.grade && (
            <button className="link-button" onClick={() => setCredibility(suggestion.grade)}>
              Use suggestion
            </button>
          )}
        </p>
        <p className="counts">{describeCounts(counts)}</p>
        <button
          className="danger"
          onClick={() =>
            guard(
              edit(
                'Delete claim',
                'claims:delete',
                [claim.id],
                (c) => ['claims:restore', c],
                () => ['claims:delete', claim.id],
              ),
            )
          }
        >
          Delete claim
        </button>
      </div>
      <div className="stance-columns">
        {STANCES.map((stance) => (
          <div
            key={stance}
            className={`stance-column stance-${stance}`}
            role="group"
            aria-label={`Sources that ${stance === 'mentions' ? 'mention' : stance.replace(/s$/, '')} it`}
          >
            <h3>{stance}</h3>
            {links
              .filter((l) => l.stance === stance)
              .map((link) => {
                const reliability = effectiveReliability(link.source, index)
                return (
                  <article key={link.annotation.id} className="quote-card">
                    <header>
                      <strong>{link.source.outlet || link.source.title}</strong>
                      <select
                        aria-label={`Reliability of ${link.source.title}`}
                        value={link.source.reliability ?? ''}
                        title={RELIABILITY_LABELS[reliability.grade]}
                        onChange={(e) => grade(link.source.id, e.target.value)}
                      >
                        <option value="">
                          {reliability.from === 'outlet' ? `${reliability.grade} (outlet)` : '– (F)'}
                        </option>
                        {GRADES.map((g) => (
                          <option key={g} value={g}>
                            {g} – {RELIABILITY_LABELS[g]}
                          </option>
                        ))}
                      </select>
                    </header>
                    <button
                      className="quote"
                      onClick={() => onOpenAnnotation(link.annotation.id)}
                      title="Open in the reader"
                    >
                      “{link.annotation.target.quote.exact}”
                    </button>
                    <p className="source-line">
                      {link.source.title}
                      {link.attributedTo && <> · per {link.attributedTo}</>}
                    </p>
                    <select
                      aria-label="Stance"
                      value={link.stance}
                      onChange={(e) => setStance(link.annotation.id, e.target.value as Stance)}
                    >
                      {STANCES.map((s) => (
                        <option key={s} value={s}>
                          {s}
                        </option>
                      ))}
                    </select>
                  </article>
                )
              })}
          </div>
        ))}
      </div>
    </section>
  )
}
