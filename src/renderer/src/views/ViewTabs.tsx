/** The views of a notebook, as tabs: Alt+1…5 (Option on macOS) switches from anywhere. */
import { useEffect, type ReactNode } from 'react'

export const VIEWS = [
  { id: 'read', label: 'Read' },
  { id: 'claims', label: 'Claims' },
  { id: 'matrix', label: 'Matrix' },
  { id: 'brief', label: 'Brief' },
  { id: 'codebook', label: 'Codebook' },
  { id: 'conflicts', label: 'Conflicts' },
] as const

export type View = (typeof VIEWS)[number]['id']

interface Props {
  view: View
  onChange(view: View): void
  claimCount: number
  /** Shown at the end of the bar (the active filter). */
  children?: ReactNode
}

export function ViewTabs({ view, onChange, claimCount, children }: Props) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return
      const index = Number(event.code.replace('Digit', '')) - 1
      const target = VIEWS[index]
      if (target) {
        event.preventDefault()
        onChange(target.id)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onChange])

  return (
    <div className="view-tabs" role="tablist" aria-label="Views">
      {VIEWS.map((tab, index) => (
        <button
          key={tab.id}
          role="tab"
          id={`tab-${tab.id}`}
          aria-selected={view === tab.id}
          aria-controls={`view-${tab.id}`}
          tabIndex={view === tab.id ? 0 : -1}
          title={`Alt+${index + 1}`}
          onClick={() => onChange(tab.id)}
          onKeyDown={(event) => {
            // Arrow keys move between tabs, as the ARIA tabs pattern expects.
            const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
            if (!step) return
            const next = VIEWS[(index + step + VIEWS.length) % VIEWS.length]!
            onChange(next.id)
            document.getElementById(`tab-${next.id}`)?.focus()
          }}
        >
          {tab.label}
          {tab.id === 'claims' && claimCount > 0 ? ` (${claimCount})` : ''}
        </button>
      ))}
      {children}
    </div>
  )
}

/** The panel of one view, labelled for its tab. */
export function ViewPanel({ view, label, children }: { view: View; label: string; children: ReactNode }) {
  return (
    <main
      className="view-main"
      id={`view-${view}`}
      role="tabpanel"
      aria-label={label}
      aria-labelledby={`tab-${view}`}
    >
      {children}
    </main>
  )
}
