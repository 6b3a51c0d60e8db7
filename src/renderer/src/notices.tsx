/**
 * Messages for the user: errors, import results, "saved to …", and an Undo for destructive edits.
 * A context so any component can post one; they stay until dismissed or replaced.
 */
import { errorMessage } from './api'
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'

export interface Notice {
  id: number
  tone: 'info' | 'error'
  text: string
  details?: string[]
  action?: { label: string; run: () => void }
}

interface NoticeApi {
  notify(notice: Omit<Notice, 'id'>): void
}

const NoticeContext = createContext<NoticeApi>({ notify: () => undefined })

export function useNotify(): NoticeApi['notify'] {
  return useContext(NoticeContext).notify
}

let nextId = 1

export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([])
  const notify = useCallback((notice: Omit<Notice, 'id'>) => {
    setNotices((current) => [...current.slice(-3), { ...notice, id: nextId++ }])
  }, [])
  const dismiss = (id: number) => setNotices((current) => current.filter((n) => n.id !== id))
  const api = useMemo(() => ({ notify }), [notify])
  return (
    <NoticeContext.Provider value={api}>
      {children}
      <div className="notices" role="status" aria-live="polite">
        {notices.map((notice) => (
          <div
            key={notice.id}
            className={`notice notice-${notice.tone}`}
            role={notice.tone === 'error' ? 'alert' : undefined}
          >
            <p>{notice.text}</p>
            {notice.details && (
              <ul>
                {notice.details.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            )}
            <div className="notice-actions">
              {notice.action && (
                <button
                  onClick={() => {
                    notice.action!.run()
                    dismiss(notice.id)
                  }}
                >
                  {notice.action.label}
                </button>
              )}
              <button aria-label="Dismiss message" onClick={() => dismiss(notice.id)}>
                ×
              </button>
            </div>
          </div>
        ))}
      </div>
    </NoticeContext.Provider>
  )
}

/** Runs an edit and turns its failure into an error notice (for fire-and-forget UI handlers). */
export function useGuard(): (work: Promise<unknown>) => void {
  const notify = useNotify()
  return useCallback(
    (work: Promise<unknown>) =>
      void work.catch((error: unknown) => notify({ tone: 'error', text: errorMessage(error) })),
    [notify],
  )
}
