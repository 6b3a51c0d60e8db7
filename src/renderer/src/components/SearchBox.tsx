/**
 * Search across source texts, annotations, comments and claims, with filters. Results come from
 * main's index as you type (debounced); Enter or a click jumps to the place. "/" focuses the box.
 */
import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useDebounce } from 'use-debounce'
import type { SearchFilters, SearchHit } from '../../../shared/search'
import type { Source, Tag } from '../../../shared/model'
import { call, errorMessage } from '../api'
import { notebookKey } from '../queries'
import { isTextField } from '../undo'

interface Props {
  tags: readonly Tag[]
  sources: readonly Source[]
  onOpen(hit: SearchHit): void
}

const TYPE_LABELS = { source: 'Source text', annotation: 'Annotation', claim: 'Claim' } as const

export function SearchBox({ tags, sources, onOpen }: Props) {
  const input = useRef<HTMLInputElement>(null)
  const [text, setText] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const [filters, setFilters] = useState<SearchFilters>({})
  const [query] = useDebounce(text, 150)
  const results = useQuery({
    // Keyed under the notebook so every edit refreshes open results.
    queryKey: [...notebookKey, 'search', query, filters],
    queryFn: () => call('search:query', query, filters),
    enabled: query.trim().length > 0,
    staleTime: 0,
  })
  const hits = query.trim() ? (results.data ?? []) : []

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === '/' && !isTextField(event.target)) {
        event.preventDefault()
        input.current?.focus()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return
    setOpen(false)
    onOpen(hit)
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive((i) => Math.min(i + 1, hits.length - 1))
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0))
    else if (event.key === 'Enter') choose(hits[active])
    else if (event.key === 'Escape') setOpen(false)
    else return
    event.preventDefault()
  }
  const setFilter = <K extends keyof SearchFilters>(key: K, value: SearchFilters[K] | undefined) =>
    setFilters((current) => {
      const next = { ...current }
      if (value === undefined) delete next[key]
      else next[key] = value
      return next
    })

  return (
    <div className="search" onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && setOpen(false)}>
      <input
        ref={input}
        type="search"
        role="combobox"
        aria-label="Search the notebook"
        aria-expanded={open && text.trim().length > 0}
        aria-controls="search-results"
        placeholder="Search (/)"
        value={text}
        onChange={(e) => {
          setText(e.target.value)
          setOpen(true)
          setActive(0)
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      {open && text.trim() && (
        <div className="search-popup">
          <div className="search-filters" aria-label="Search filters">
            <select
              aria-label="Type"
              onChange={(e) => setFilter('types', e.target.value ? [e.target.value as 'source'] : undefined)}
            >
              <option value="">Everything</option>
              <option value="source">Source texts</option>
              <option value="annotation">Annotations</option>
              <option value="claim">Claims</option>
            </select>
            <select
              aria-label="Kind"
              onChange={(e) => setFilter('kinds', e.target.value ? [e.target.value as 'claim'] : undefined)}
            >
              <option value="">Any kind</option>
              <option value="claim">Claims (highlights)</option>
              <option value="note">Notes</option>
            </select>
            <select
              aria-label="Tag"
              onChange={(e) => setFilter('tagIds', e.target.value ? [e.target.value] : undefined)}
            >
              <option value="">Any tag</option>
              {tags.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
            <select
              aria-label="Source"
              onChange={(e) => setFilter('sourceIds', e.target.value ? [e.target.value] : undefined)}
            >
              <option value="">Any source</option>
              {sources.map((source) => (
                <option key={source.id} value={source.id}>
                  {source.outlet ? `${source.outlet}: ` : ''}
                  {source.title.slice(0, 60)}
                </option>
              ))}
            </select>
            <select
              aria-label="Reliability"
              onChange={(e) => setFilter('reliability', e.target.value ? [e.target.value as 'A'] : undefined)}
            >
              <option value="">Any reliability</option>
              {(['A', 'B', 'C', 'D', 'E', 'F'] as const).map((g) => (
                <option key={g} value={g}>
                  Source graded {g}
                </option>
              ))}
            </select>
            <select
              aria-label="Stance"
              onChange={(e) =>
                setFilter('stances', e.target.value ? [e.target.value as 'supports'] : undefined)
              }
            >
              <option value="">Any stance</option>
              <option value="supports">Supports</option>
              <option value="contradicts">Contradicts</option>
              <option value="mentions">Mentions</option>
            </select>
            <select
              aria-label="Grade"
              onChange={(e) =>
                setFilter('credibility', e.target.value ? [Number(e.target.value)] : undefined)
              }
            >
              <option value="">Any credibility</option>
              {[1, 2, 3, 4, 5, 6].map((g) => (
                <option key={g} value={g}>
                  Credibility {g}
                </option>
              ))}
            </select>
          </div>
          <ul id="search-results" role="listbox" aria-label="Search results">
            {results.isError && <li className="form-error">{errorMessage(results.error)}</li>}
            {hits.length === 0 && !results.isFetching && <li className="empty">No matches.</li>}
            {hits.map((hit, index) => (
              <li
                key={`${hit.type}:${hit.id}`}
                role="option"
                aria-selected={index === active}
                className={index === active ? 'active' : undefined}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(hit)}
              >
                <span className="hit-type">{TYPE_LABELS[hit.type]}</span> <strong>{hit.title}</strong>
                <span className="hit-snippet">{hit.snippet}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}
