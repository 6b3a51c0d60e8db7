/**
 * The library: every source in the notebook, filterable and sortable, with its annotation count.
 * Only the rows in view are drawn (a notebook may hold 10,000 sources); ↑/↓, Page Up/Down, Home and
 * End move between sources, so the keyboard reaches every one of them, drawn or not.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { Source } from '../../../shared/model'
import {
  DEFAULT_VIEW,
  FORMATS,
  orderSources,
  SORT_KEYS,
  SORT_LABELS,
  type LibraryView,
  type SortKey,
} from './library-order'
import { listKeyTarget } from './list-keys'
import { useVirtualList } from './use-virtual-list'

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
  const [view, setView] = useState<LibraryView>(DEFAULT_VIEW)
  const shown = useMemo(
    () => orderSources(sources, annotationCounts, view),
    [sources, annotationCounts, view],
  )
  const selectedIndex = useMemo(() => shown.findIndex((s) => s.id === selectedId), [shown, selectedId])
  const getItemKey = useCallback((index: number) => shown[index]!.id, [shown])
  const scrollRef = useRef<HTMLDivElement>(null)
  const { virtualizer, rows, listProps, focusRow } = useVirtualList({
    scrollRef,
    count: shown.length,
    estimateSize: 52,
    gap: 4,
    getItemKey,
    keep: [selectedIndex],
  })
  // The selected source is always in view: chosen from search, a claim or the reader, it shows here.
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex)
  }, [selectedIndex, virtualizer])

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const row = (event.target as HTMLElement).closest('[data-index]')
    if (!row || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
    const at = Number(row.getAttribute('data-index'))
    const pageSize = Math.max(1, virtualizer.getVirtualItems().length - 2)
    const target = listKeyTarget(event.key, at, shown.length, pageSize)
    if (target === null) return
    event.preventDefault()
    focusRow(target, '.source-item')
  }

  return (
    <nav className="pane library" aria-label="Library">
      <h2 className="pane-title">
        Library ({shown.length === sources.length ? sources.length : `${shown.length} of ${sources.length}`})
      </h2>
      {sources.length > 0 && (
        <div className="library-controls">
          <input
            type="search"
            aria-label="Filter sources"
            placeholder="Filter by title, outlet, author…"
            value={view.query}
            onChange={(e) => setView({ ...view, query: e.target.value })}
          />
          <select
            aria-label="Format"
            value={view.format}
            onChange={(e) => setView({ ...view, format: e.target.value as LibraryView['format'] })}
          >
            <option value="all">All formats</option>
            {FORMATS.map((format) => (
              <option key={format} value={format}>
                {format.toUpperCase()}
              </option>
            ))}
          </select>
          <select
            aria-label="Sort by"
            value={view.sort}
            onChange={(e) => setView({ ...view, sort: e.target.value as SortKey })}
          >
            {SORT_KEYS.map((key) => (
              <option key={key} value={key}>
                {SORT_LABELS[key]}
              </option>
            ))}
          </select>
        </div>
      )}
      {sources.length === 0 ? (
        <div className="empty empty-library">
          <p>No sources yet. To begin, bring in the articles you want to compare:</p>
          <ul>
            <li>
              <strong>Import files…</strong> or <strong>Import folder…</strong> in the toolbar (
              <kbd>Ctrl</kbd>+<kbd>I</kbd>): web pages, PDFs, Word, text or Markdown;
            </li>
            <li>drop files or a whole folder anywhere on this window;</li>
            <li>
              <strong>Paste text…</strong> for text you copied, or <strong>Import URL…</strong> to fetch a
              page.
            </li>
          </ul>
          <p>From the keyboard: Tab to the toolbar, then ← and → between its buttons.</p>
        </div>
      ) : (
        <div className="virtual-scroller" ref={scrollRef}>
          <ul className="source-list virtual-list" aria-label="Sources" onKeyDown={onKeyDown} {...listProps}>
            {rows.map(({ key, index, ...row }) => {
              const source = shown[index]!
              return (
                <li key={key} {...row} className={source.id === selectedId ? 'selected' : undefined}>
                  <button
                    className="source-item"
                    aria-current={source.id === selectedId ? 'true' : undefined}
                    onClick={() => onSelect(source.id)}
                  >
                    <span className="source-title">{source.title}</span>
                    <span className="source-meta">
                      <span className="format-badge">{source.format}</span> {byline(source)}
                      {source.nearDuplicates.length > 0 && (
                        <span className="near-duplicate" title="Nearly the same text as another source">
                          {' '}
                          · {Math.round(source.nearDuplicates[0]!.similarity * 100)}% duplicate
                        </span>
                      )}
                    </span>
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
              )
            })}
          </ul>
        </div>
      )}
    </nav>
  )
}
