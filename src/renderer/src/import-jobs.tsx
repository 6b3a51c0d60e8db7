/**
 * Import jobs the user started: a progress bar with Cancel while files are parsed, then the result of
 * every file (imported, already there, near-duplicate, refused and why) until dismissed.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { ImportOutcome } from '../../main/core/import/importer'
import { call } from './api'

export interface ImportJob {
  id: string
  label: string
  done: number
  total: number
  outcomes: ImportOutcome[]
  finished: boolean
}

interface ImportJobsApi {
  jobs: ImportJob[]
  /** Runs `work` as a job named `label`; `work` gets the job id to pass to main. */
  track(
    label: string,
    total: number,
    work: (jobId: string) => Promise<ImportOutcome[] | undefined>,
  ): Promise<ImportOutcome[]>
  dismiss(id: string): void
}

const JobsContext = createContext<ImportJobsApi | null>(null)

export function useImportJobs(): ImportJobsApi {
  const api = useContext(JobsContext)
  if (!api) throw new Error('useImportJobs outside ImportJobsProvider')
  return api
}

export function ImportJobsProvider({ children }: { children: ReactNode }) {
  const [jobs, setJobs] = useState<ImportJob[]>([])
  const patch = useCallback((id: string, change: (job: ImportJob) => ImportJob) => {
    setJobs((current) => current.map((job) => (job.id === id ? change(job) : job)))
  }, [])

  useEffect(
    () =>
      window.corroborate.events?.onEvent((event) => {
        if (event.type !== 'import-progress') return
        // A late progress event must not add to the final, authoritative list.
        patch(event.jobId, (job) =>
          job.finished
            ? job
            : {
                ...job,
                done: event.done,
                total: Math.max(job.total, event.total),
                outcomes: [...job.outcomes, event.outcome],
              },
        )
      }),
    [patch],
  )

  const track = useCallback<ImportJobsApi['track']>(
    async (label, total, work) => {
      const id = crypto.randomUUID()
      setJobs((current) => [
        ...current.filter((j) => !j.finished),
        { id, label, done: 0, total, outcomes: [], finished: false },
      ])
      try {
        const outcomes = (await work(id)) ?? []
        // The final answer is authoritative: it includes files refused before parsing started.
        patch(id, (job) => ({
          ...job,
          outcomes,
          done: outcomes.length,
          total: outcomes.length,
          finished: true,
        }))
        return outcomes
      } catch (error) {
        patch(id, (job) => ({ ...job, finished: true }))
        throw error
      }
    },
    [patch],
  )
  const dismiss = useCallback((id: string) => setJobs((current) => current.filter((j) => j.id !== id)), [])
  const api = useMemo(() => ({ jobs, track, dismiss }), [jobs, track, dismiss])
  return <JobsContext.Provider value={api}>{children}</JobsContext.Provider>
}

export function cancelImport(jobId: string): void {
  void call('sources:cancelImport', jobId)
}
