/** Pastes text as a new source. Main refuses empty or oversized text with a message. */
import { useState, type FormEvent } from 'react'
import { MAX_IMPORT_BYTES } from '../../../shared/limits'
import { errorMessage } from '../api'
import { useCommand } from '../queries'
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
  const paste = useCommand('sources:importPaste')
  const [text, setText] = useState('')
  const [title, setTitle] = useState('')
  const [error, setError] = useState<string | null>(null)
  const tooLong = text.length > MAX_IMPORT_BYTES

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    try {
      const source = await paste.mutateAsync([{ text, title }])
      onImported(source.id)
      onClose()
    } catch (e) {
      setError(errorMessage(e))
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
        <button type="submit" className="primary" disabled={!text.trim() || tooLong || paste.isPending}>
          Import
        </button>
      </div>
    </form>
  )
}
