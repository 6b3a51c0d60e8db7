/**
 * The views of a notebook, as ARIA tabs: Alt+1…6 (Option on macOS) switches from anywhere; inside
 * the tab list ←/→ move and select (automatic activation), Home/End go to the first and last.
 */
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
    <div className="view-tabs">
      <div className="tab-list" role="tablist" aria-label="Views">
        {VIEWS.map((tab, index) => (
          <button
            key={tab.id}
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={view === tab.id}
            // Only the open view (and Read, always mounted) has a panel to point at.
            aria-controls={view === tab.id || tab.id === 'read' ? `view-${tab.id}` : undefined}
            tabIndex={view === tab.id ? 0 : -1}
            title={`Alt+${index + 1}`}
            onClick={() => onChange(tab.id)}
            onKeyDown={(event) => {
              // Arrow keys move between tabs, as the ARIA tabs pattern expects.
              const to = tabTarget(event.key, index)
              if (to === null) return
              event.preventDefault()
              const next = VIEWS[to]!
              onChange(next.id)
              document.getElementById(`tab-${next.id}`)?.focus()
            }}
          >
            {tab.label}
            {tab.id === 'claims' && claimCount > 0 ? ` (${claimCount})` : ''}
          </button>
        ))}
      </div>
      {children}
    </div>
  )
}

function tabTarget(key: string, index: number): number | null {
  if (key === 'ArrowRight') return (index + 1) % VIEWS.length
  if (key === 'ArrowLeft') return (index - 1 + VIEWS.length) % VIEWS.length
  if (key === 'Home') return 0
  if (key === 'End') return VIEWS.length - 1
  return null
}

/** The panel of one view, named by its tab (the page's <main> holds them all). */
export function ViewPanel({ view, children }: { view: View; children: ReactNode }) {
  return (
    <div className="view-main" id={`view-${view}`} role="tabpanel" aria-labelledby={`tab-${view}`}>
      {children}
    </div>
  )
}
