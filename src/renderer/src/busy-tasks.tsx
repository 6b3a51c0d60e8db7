/**
 * Long operations the user started that are not imports (exports above all: a PDF is printed by
 * Chromium and takes seconds): each shows a busy bar with its name until it ends, so a slow export
 * never looks like a dead button. Imports have their own panel (import-jobs.tsx) with per-file results.
 * An operation main can stop gets a Cancel button; exports cannot be stopped yet (main has no cancel
 * channel for them), so they only show that they are running.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'

export interface BusyTask {
  id: number
  label: string
  cancel?: () => void
}

type RunBusy = <T>(label: string, work: () => Promise<T>, cancel?: () => void) => Promise<T>

const BusyContext = createContext<{ tasks: BusyTask[]; runBusy: RunBusy } | null>(null)
let nextId = 1

export function useBusy() {
  const api = useContext(BusyContext)
  if (!api) throw new Error('useBusy outside BusyTasksProvider')
  return api
}

export function BusyTasksProvider({ children }: { children: ReactNode }) {
  const [tasks, setTasks] = useState<BusyTask[]>([])
  const runBusy = useCallback<RunBusy>(async (label, work, cancel) => {
    const id = nextId++
    setTasks((current) => [...current, { id, label, ...(cancel ? { cancel } : {}) }])
    try {
      return await work()
    } finally {
      setTasks((current) => current.filter((t) => t.id !== id))
    }
  }, [])
  const api = useMemo(() => ({ tasks, runBusy }), [tasks, runBusy])
  return <BusyContext.Provider value={api}>{children}</BusyContext.Provider>
}

/** The running tasks, bottom centre; a live region so a screen reader hears "Exporting…" begin. */
export function BusyPanel() {
  const { tasks } = useBusy()
  return (
    <div className="busy-panel" role="status" aria-live="polite">
      {tasks.map((task) => (
        <div key={task.id} className="busy-task" aria-busy="true">
          <span>{task.label}</span>
          <progress aria-label={task.label} />
          {task.cancel && (
            <button type="button" onClick={task.cancel}>
              Cancel
            </button>
          )}
        </div>
      ))}
    </div>
  )
}
