/** Shows running imports (progress, Cancel) and each finished import's per-file results. */
import type { ImportOutcome } from '../../../main/core/import/importer'
import { cancelImport, useImportJobs, type ImportJob } from '../import-jobs'

function describe(outcome: ImportOutcome): string {
  if (!outcome.ok) return outcome.error
  if (outcome.duplicate) return `already in the notebook as “${outcome.title}”`
  const near = outcome.nearDuplicates[0]
  return near ? `imported; ${Math.round(near.similarity * 100)}% the same as another source` : 'imported'
}

function JobView({ job }: { job: ImportJob }) {
  const { dismiss } = useImportJobs()
  const refused = job.outcomes.filter((o) => !o.ok).length
  return (
    <section className="import-job" aria-label={`Import: ${job.label}`}>
      <header>
        <strong>{job.label}</strong>
        <span>
          {job.finished
            ? `${job.outcomes.length - refused} of ${job.outcomes.length} imported${refused ? `, ${refused} refused` : ''}`
            : `${job.done} of ${job.total || '…'} files`}
        </span>
      </header>
      {!job.finished && <progress max={job.total || 1} value={job.done} aria-label="Import progress" />}
      {job.outcomes.length > 0 && (
        <ul className="import-results" aria-label="Import results">
          {job.outcomes.map((outcome, i) => (
            <li key={i} className={outcome.ok ? 'ok' : 'refused'}>
              <span className="file-name">{outcome.fileName}</span> {describe(outcome)}
            </li>
          ))}
        </ul>
      )}
      <div className="notice-actions">
        {job.finished ? (
          <button onClick={() => dismiss(job.id)}>Close</button>
        ) : (
          <button onClick={() => cancelImport(job.id)}>Cancel import</button>
        )}
      </div>
    </section>
  )
}

export function ImportPanel() {
  const { jobs } = useImportJobs()
  if (jobs.length === 0) return null
  return (
    <div className="import-panel" role="region" aria-label="Imports" aria-live="polite">
      {jobs.map((job) => (
        <JobView key={job.id} job={job} />
      ))}
    </div>
  )
}
