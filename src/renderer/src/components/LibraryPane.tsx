/** The library: every source in the notebook, newest import last, with its annotation count. */
import type { Source } from '../../../shared/model'

interface Props {
  sources: readonly Source[]
  annotationCounts: ReadonlyMap<string, number>
  selectedId: string | null
  onSelect(id: string): void
  onEdit(id: string): void
}

function byline(source: Source): string {
  return (
    [source.outlet, source.author, source.published].filter(Boolean).join(' · ') ||
    source.originalFileName ||
    'Pasted text'
  )
}

export function LibraryPane({ sources, annotationCounts, selectedId, onSelect, onEdit }: Props) {
  return (
    <nav className="pane library" aria-label="Library">
      <h2 className="pane-title">Library ({sources.length})</h2>
      {sources.length === 0 ? (
        <p className="empty">
          No sources yet. Import .txt or .md files, drop them on the window, or paste text to begin.
        </p>
      ) : (
        <ul className="source-list">
          {sources.map((source) => (
            <li key={source.id} className={source.id === selectedId ? 'selected' : undefined}>
              <button
                className="source-item"
                aria-current={source.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(source.id)}
              >
                <span className="source-title">{source.title}</span>
                <span className="source-meta">{byline(source)}</span>
                <span className="source-count" title="Annotations">
                  {annotationCounts.get(source.id) ?? 0}
                </span>
              </button>
              <button
                className="link-button"
                onClick={() => onEdit(source.id)}
                aria-label={`Edit details of ${source.title}`}
              >
                Edit
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  )
}
