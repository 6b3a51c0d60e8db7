/** Free tags as chips; typing a name and pressing Enter or comma adds it (new tags are created by main). */
import { useId, useState, type KeyboardEvent } from 'react'

interface Props {
  tags: readonly string[]
  suggestions: readonly string[]
  onChange(tags: string[]): void
  label: string
}

export function TagInput({ tags, suggestions, onChange, label }: Props) {
  const [draft, setDraft] = useState('')
  const listId = useId()

  const add = (raw: string) => {
    const name = raw.trim().replace(/,$/, '').trim()
    setDraft('')
    if (!name || tags.some((t) => t.toLocaleLowerCase() === name.toLocaleLowerCase())) return
    onChange([...tags, name])
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault()
      add(draft)
    } else if (event.key === 'Backspace' && draft === '' && tags.length > 0) {
      onChange(tags.slice(0, -1))
    }
  }

  return (
    <div className="tag-input">
      <ul className="tags" aria-label="Tags">
        {tags.map((tag) => (
          <li key={tag} className="tag">
            {tag}
            <button aria-label={`Remove tag ${tag}`} onClick={() => onChange(tags.filter((t) => t !== tag))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        aria-label={label}
        placeholder="Add tag…"
        list={listId}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => draft.trim() && add(draft)}
      />
      <datalist id={listId}>
        {suggestions
          .filter((s) => !tags.includes(s))
          .map((s) => (
            <option key={s} value={s} />
          ))}
      </datalist>
    </div>
  )
}
