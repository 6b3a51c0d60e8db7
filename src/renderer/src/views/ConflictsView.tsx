/**
 * The conflict finder's results: figures and dates the sources disagree on, and statements only one
 * source makes. "Make claim" turns a finding into a claim with its quotes already linked.
 */
import { useQuery } from '@tanstack/react-query'
import { useRef } from 'react'
import type { NotebookSnapshot } from '../../../main/api/snapshot'
import type { ClaimSuggestion } from '../../../shared/analysis'
import { call, errorMessage } from '../api'
import { useEdit } from '../edits'
import { useNotify } from '../notices'

interface Props {
  notebook: NotebookSnapshot
  onClaimMade(claimId: string): void
}

export function ConflictsView({ notebook, onClaimMade }: Props) {
  const edit = useEdit()
  const notify = useNotify()
  // Findings depend only on the sources' texts: re-run when sources come or go, not on every edit.
  const textKey = notebook.sources.map((s) => s.textSha256).join(',')
  const job = useRef('')
  const findings = useQuery({
    queryKey: ['conflicts', textKey],
    queryFn: () => {
      job.current = `conflicts-${crypto.randomUUID()}`
      return call('analysis:conflicts', job.current)
    },
    staleTime: Infinity,
    retry: false,
    enabled: notebook.sources.length >= 2,
  })
  const sourceName = (id: string) => {
    const source = notebook.sources.find((s) => s.id === id)
    return source ? source.outlet || source.title : 'removed source'
  }
  const makeClaim = (suggestion: ClaimSuggestion) =>
    void edit(
      'Make claim from finding',
      'claims:fromSuggestion',
      [suggestion],
      (made) => ['claims:deleteWithAnnotations', made],
      (made) => ['claims:restoreWithAnnotations', made],
    ).then(
      (made) => onClaimMade(made.claim.id),
      (error: unknown) => notify({ tone: 'error', text: errorMessage(error) }),
    )

  if (notebook.sources.length < 2)
    return (
      <section className="pane conflicts-view" aria-label="Conflicts">
        <p className="empty">
          The conflict finder compares sources: import at least two reports of the same event (Import files…,
          drop them on the window, paste text or import a URL), then come back here.
        </p>
      </section>
    )
  // Reading every text takes seconds on a large notebook: it runs in a worker, and Cancel stops it.
  if (findings.isPending)
    return (
      <section className="pane conflicts-view" aria-label="Conflicts" aria-busy="true">
        <p className="empty" role="status">
          Reading {notebook.sources.length} sources for figures, dates and attributions…
        </p>
        <progress className="busy-bar" aria-label="Finding conflicts" />
        <button type="button" onClick={() => void call('tasks:cancel', job.current)}>
          Cancel
        </button>
      </section>
    )
  if (findings.isError)
    return (
      <section className="pane conflicts-view" aria-label="Conflicts">
        <p className="form-error" role="alert">
          {errorMessage(findings.error)}
        </p>
        <button type="button" onClick={() => void findings.refetch()}>
          Run again
        </button>
      </section>
    )
  const { groups, singletons } = findings.data
  const conflicting = groups.filter((g) => g.conflicting)
  return (
    <section className="pane conflicts-view" aria-label="Conflicts">
      <h2 className="pane-title">Where the sources disagree ({conflicting.length})</h2>
      {conflicting.length === 0 && (
        <p className="empty">No conflicting figures or dates found across the sources.</p>
      )}
      <ul className="findings">
        {conflicting.map((group) => (
          <li key={group.id} className="finding" aria-label={`${group.kind}: ${group.topic}`}>
            <header>
              <strong>{group.topic}</strong> <span className="hit-type">{group.kind}</span>
              <button onClick={() => makeClaim(group.suggestion)}>Make claim</button>
            </header>
            <ul className="values">
              {group.values.map((value) => (
                <li key={value.value}>
                  <strong>{value.value}</strong>: {value.sourceIds.map(sourceName).join(', ')}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <h2 className="pane-title">Said by one source only ({singletons.length})</h2>
      <ul className="findings">
        {singletons.map((single) => (
          <li key={single.id} className="finding" aria-label={`Only ${sourceName(single.sourceId)}`}>
            <header>
              <strong>{sourceName(single.sourceId)}</strong> <span className="hit-type">{single.reason}</span>
              <button onClick={() => makeClaim(single.suggestion)}>Make claim</button>
            </header>
            <p className="single-text">“{single.text}”</p>
          </li>
        ))}
      </ul>
    </section>
  )
}
