/** Asks for a web address to import. Main fetches it (the app's only network request) and imports it. */
import { useState, type FormEvent } from 'react'
import { ModalDialog } from './ModalDialog'

interface Props {
  open: boolean
  onClose(): void
  onImport(url: string): void
}

export function UrlDialog({ open, onClose, onImport }: Props) {
  return (
    <ModalDialog title="Import from a web address" open={open} onClose={onClose}>
      <UrlForm onClose={onClose} onImport={onImport} />
    </ModalDialog>
  )
}

function UrlForm({ onClose, onImport }: Omit<Props, 'open'>) {
  const [url, setUrl] = useState('')
  const valid = /^https?:\/\/\S+$/i.test(url.trim())
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!valid) return
    onImport(url.trim())
    onClose()
  }
  return (
    <form onSubmit={submit}>
      <label className="field">
        <span>
          Address (http or https). The page is fetched once, now, and saved with its final address and time.
        </span>
        <input
          type="url"
          value={url}
          placeholder="https://…"
          autoFocus
          onChange={(e) => setUrl(e.target.value)}
        />
      </label>
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={!valid}>
          Import
        </button>
      </div>
    </form>
  )
}
