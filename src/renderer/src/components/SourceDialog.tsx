/** Edits a source's metadata; shows what was recorded at import (read-only) for provenance. */
import { useState, type FormEvent } from 'react'
import type { DeletedSource } from '../../../shared/ipc/payloads'
import type { Source, SourceMetadata } from '../../../shared/model'
import { errorMessage } from '../api'
import { useEdit } from '../edits'
import { ModalDialog } from './ModalDialog'

interface Props {
  source: Source | null
  onClose(): void
  onDeleted(deleted: DeletedSource): void
}

const FIELDS: Array<{ key: keyof SourceMetadata; label: string; type?: string; placeholder?: string }> = [
  { key: 'title', label: 'Title' },
  { key: 'outlet', label: 'Outlet', placeholder: 'e.g. Associated Press' },
  { key: 'author', label: 'Author' },
  { key: 'published', label: 'Published', type: 'date' },
  { key: 'url', label: 'URL', type: 'url', placeholder: 'https://…' },
]

function SourceForm({ source, onClose, onDeleted }: Props & { source: Source }) {
  const edit = useEdit()
  const [values, setValues] = useState<SourceMetadata>({
    title: source.title,
    outlet: source.outlet,
    author: source.author,
    published: source.published,
    url: source.url,
  })
  const [error, setError] = useState<string | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    try {
      const before: SourceMetadata = {
        title: source.title,
        outlet: source.outlet,
        author: source.author,
        published: source.published,
        url: source.url,
      }
      const after = { ...values, title: values.title.trim() || source.title }
      await edit('Edit source details', 'sources:update', [source.id, after], () => [
        'sources:update',
        source.id,
        before,
      ])
      onClose()
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  // No "are you sure?": the delete can be undone from the notice that follows.
  const onDelete = async () => {
    await edit(`Remove “${source.title}”`, 'sources:delete', [source.id], (deleted) => [
      'sources:restore',
      deleted,
    ]).then(onDeleted, (e: unknown) => setError(errorMessage(e)))
  }

  return (
    <form className="source-form" onSubmit={(e) => void submit(e)}>
      {FIELDS.map(({ key, label, type, placeholder }) => (
        <label key={key} className="field">
          <span>{label}</span>
          <input
            type={type ?? 'text'}
            value={values[key]}
            placeholder={placeholder}
            onChange={(e) => setValues({ ...values, [key]: e.target.value })}
          />
        </label>
      ))}
      <dl className="provenance">
        <dt>Imported (UTC)</dt>
        <dd>{source.imported}</dd>
        {source.retrieved && (
          <>
            <dt>Retrieved (UTC)</dt>
            <dd>{source.retrieved}</dd>
          </>
        )}
        <dt>Original file</dt>
        <dd>
          {source.originalFileName || 'pasted text'} ({source.format.toUpperCase()}
          {source.pages ? `, ${source.pages} pages` : ''})
        </dd>
        <dt>SHA-256 of original</dt>
        <dd className="hash">{source.originalSha256}</dd>
        <dt>SHA-256 of text</dt>
        <dd className="hash">{source.textSha256}</dd>
      </dl>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="danger" onClick={() => void onDelete()}>
          Remove source
        </button>
        <span className="spacer" />
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Save
        </button>
      </div>
    </form>
  )
}

export function SourceDialog(props: Props) {
  return (
    <ModalDialog title="Source details" open={props.source !== null} onClose={props.onClose}>
      {props.source && <SourceForm key={props.source.id} {...props} source={props.source} />}
    </ModalDialog>
  )
}
