/** Pastes text as a new source. Main refuses empty or oversized text with a message. */
import { useState, type FormEvent } from 'react'
import { MAX_IMPORT_BYTES } from '../../../shared/limits'
import { errorMessage } from '../api'
import { useEdit } from '../edits'
import { ModalDialog } from './ModalDialog'

interface Props {
  open: boolean
  onClose(): void
  onImported(sourceId: string): void
}

export function PasteDialog({ open, onClose, onImported }: Props) {
  return (
    <ModalDialog title="Paste text as a new source" open={open} onClose={onClose}>
      <PasteForm onClose={onClose} onImported={onImported} />
    </ModalDialog>
  )
}

function PasteForm({ onClose, onImported }: Omit<Props, 'open'>) {
  const edit = useEdit()
  const [pending, setPending] = useState(false)
  const [text, setText] = useState('')
  const [title, setTitle] = useState('')
  const [error, setError] = useState<string | null>(null)
  const tooLong = text.length > MAX_IMPORT_BYTES

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    try {
      setPending(true)
      const source = await edit(
        'Paste text',
        'sources:importPaste',
        [{ text, title }],
        (made) => ['sources:delete', made.id],
        (made) => ['sources:restore', { source: made, annotations: [] }],
      )
      onImported(source.id)
      onClose()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setPending(false)
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)}>
      <label className="field">
        <span>Title (optional: the first line or sentence is used otherwise)</span>
        <input value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label className="field">
        <span>Text</span>
        <textarea rows={14} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      {(error || tooLong) && (
        <p className="form-error" role="alert">
          {tooLong ? `The text is longer than ${MAX_IMPORT_BYTES.toLocaleString()} characters.` : error}
        </p>
      )}
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={!text.trim() || tooLong || pending}>
          Import
        </button>
      </div>
    </form>
  )
}
