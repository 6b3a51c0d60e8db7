/**
 * The brief section's "Add a quote" picker: a native select (so it keeps the platform's keyboard and
 * screen reader behaviour) holding at most QUOTE_CHOICES quotes; a notebook with more gets a field to
 * narrow them by their words, and the select says how many more match.
 */
import { useMemo, useState } from 'react'
import type { Annotation } from '../../../shared/model'
import { QUOTE_CHOICES, quoteChoices } from './quote-choices'

interface Props {
  annotations: readonly Annotation[]
  onPick(annotationId: string): void
}

export function QuotePicker({ annotations, onPick }: Props) {
  const [filter, setFilter] = useState('')
  const { choices, more } = useMemo(() => quoteChoices(annotations, filter), [annotations, filter])
  return (
    <>
      {annotations.length > QUOTE_CHOICES && (
        <input
          type="search"
          aria-label="Find a quote to add"
          placeholder="Find a quote to add…"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      )}
      <select aria-label="Add a quote" value="" onChange={(e) => e.target.value && onPick(e.target.value)}>
        <option value="">Add a quote…</option>
        {choices.map((a) => (
          <option key={a.id} value={a.id}>
            “{a.target.quote.exact.slice(0, 80)}”
          </option>
        ))}
        {more > 0 && (
          <option value="" disabled>
            {more.toLocaleString()} more: narrow them with Find a quote
          </option>
        )}
      </select>
    </>
  )
}
