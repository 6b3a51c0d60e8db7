/**
 * Search across source texts, annotations, comments and claims, with filters. Results come from
 * main's index as you type (debounced); Enter or a click jumps to the place. "/" focuses the box.
 * While main is still building the index, results come from what is indexed and the box says so.
 */
import { useQuery } from '@tanstack/react-query'
import { memo, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useDebounce } from 'use-debounce'
import type { SearchFilters, SearchHit } from '../../../shared/search'
import type { Source, Tag } from '../../../shared/model'
import { call, errorMessage } from '../api'
import { filterChoices, withFilter, type FilterChoice } from './search-filter-choices'
import { notebookKey } from '../queries'
import { isTextField } from '../undo'

interface Props {
  tags: readonly Tag[]
  sources: readonly Source[]
  onOpen(hit: SearchHit): void
}

const TYPE_LABELS = { source: 'Source text', annotation: 'Annotation', claim: 'Claim' } as const
/** How often to ask again while main is still indexing. */
const INDEXING_POLL_MS = 400

export function SearchBox({ tags, sources, onOpen }: Props) {
  const input = useRef<HTMLInputElement>(null)
  const optionId = useId()
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
    refetchInterval: (current) => (current.state.data?.indexing ? INDEXING_POLL_MS : false),
  })
  const hits = query.trim() ? (results.data?.hits ?? []) : []
  const indexing = results.data?.indexing ?? null
  const showing = open && text.trim().length > 0
  const busy = showing && (results.isPending || query !== text)
  // Built once per notebook change, not per keystroke: the source filter can list 10,000 sources.
  const choices = useMemo(() => filterChoices(tags, sources), [tags, sources])

  // Wakes main's search (its worker loads or builds the index) before anyone types: a blank query
  // finds nothing but starts it. Again on focus, for a notebook opened since.
  const wake = () => void call('search:query', '', {}).catch(() => undefined)
  useEffect(wake, [])

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

  return (
    <div className="search" onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && setOpen(false)}>
      <input
        ref={input}
        type="search"
        role="combobox"
        aria-label="Search the notebook"
        aria-expanded={showing}
        aria-controls="search-results"
        aria-autocomplete="list"
        aria-activedescendant={showing && hits[active] ? `${optionId}-${active}` : undefined}
        placeholder="Search (/)"
        value={text}
        onChange={(e) => {
          setText(e.target.value)
          setOpen(true)
          setActive(0)
        }}
        onFocus={() => {
          setOpen(true)
          wake()
        }}
        onKeyDown={onKeyDown}
      />
      {showing && (
        <div className="search-popup">
          <FilterSelects choices={choices} onChange={setFilters} />
          <div className="search-state" role="status">
            {busy ? (
              <>
                Searching… <progress aria-label="Searching" />
              </>
            ) : indexing ? (
              <>
                Indexing the notebook ({indexing.done.toLocaleString()} of {indexing.total.toLocaleString()}
                ): results so far.{' '}
                <progress aria-label="Indexing" value={indexing.done} max={indexing.total} />
              </>
            ) : results.isError ? (
              <span className="form-error">{errorMessage(results.error)}</span>
            ) : hits.length === 0 ? (
              <span className="empty">
                No matches for “{query.trim()}”. Try fewer or shorter words, or clear the filters; search
                covers source texts, annotations, comments and claims.
              </span>
            ) : null}
          </div>
          <ul id="search-results" role="listbox" aria-label="Search results">
            {hits.map((hit, index) => (
              <li
                key={`${hit.type}:${hit.id}`}
                id={`${optionId}-${index}`}
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

/**
 * The filter selects, memoised: typing re-renders the popup, and without this every keystroke would
 * re-render each option of the source filter (10,000 of them in a big notebook).
 */
const FilterSelects = memo(function FilterSelects({
  choices,
  onChange,
}: {
  choices: FilterChoice[]
  onChange: (update: (current: SearchFilters) => SearchFilters) => void
}) {
  return (
    <div className="search-filters" role="group" aria-label="Search filters">
      {choices.map((choice) => (
        <select
          key={choice.key}
          aria-label={choice.label}
          onChange={(e) => onChange((current) => withFilter(current, choice.key, e.target.value))}
        >
          <option value="">{choice.any}</option>
          {choice.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ))}
    </div>
  )
})
