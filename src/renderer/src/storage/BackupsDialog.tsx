/**
 * Backups: the notebook's snapshots (taken before the first save of each session, every ten minutes
 * of editing, before a migration and before a restore), newest first, each restorable. A restore
 * snapshots the present first, so it can itself be undone from this list.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { call, errorMessage } from '../api'
import { ModalDialog } from '../components/ModalDialog'
import { useNotify } from '../notices'

const KIND_LABELS: Record<string, string> = {
  auto: 'Automatic',
  'pre-migration': 'Before upgrading the file format',
  'pre-restore': 'Before a restore',
  'pre-recovery': 'Before a recovery',
}

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' })

export function BackupsDialog({
  open,
  onClose,
  readOnly,
}: {
  open: boolean
  onClose(): void
  readOnly: boolean
}) {
  const client = useQueryClient()
  const notify = useNotify()
  const [busy, setBusy] = useState(false)
  const backups = useQuery({ queryKey: ['backups'], queryFn: () => call('backups:list'), enabled: open })

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true)
    try {
      await work()
      await client.invalidateQueries()
      notify({ tone: 'info', text: done })
    } catch (error) {
      notify({ tone: 'error', text: errorMessage(error) })
    } finally {
      setBusy(false)
    }
  }
  const restore = (id: string, created: string) => {
    if (
      !window.confirm(
        `Put the notebook back as it was on ${when(created)}? What is there now is kept as a backup first.`,
      )
    )
      return
    void run(() => call('backups:restore', id), `Restored the notebook as it was on ${when(created)}.`).then(
      onClose,
    )
  }

  return (
    <ModalDialog title="Backups" open={open} onClose={onClose}>
      <p className="backups-intro">
        Snapshots of this notebook’s records, kept in its <code>backups</code> folder: one before the first
        change of each session and every ten minutes of editing (the ten newest and one a day for a week).
      </p>
      {backups.isError && <p role="alert">{errorMessage(backups.error)}</p>}
      {backups.data?.length === 0 && (
        <p className="empty">No backups yet: the first is taken before your next change.</p>
      )}
      <ul className="backup-list" aria-label="Backups, newest first">
        {backups.data?.map((backup) => (
          <li key={backup.id} className="backup-item">
            <span>
              <time dateTime={backup.created}>{when(backup.created)}</time>
              <span className="backup-kind"> · {KIND_LABELS[backup.kind] ?? backup.kind}</span>
            </span>
            <button
              disabled={busy || readOnly}
              onClick={() => restore(backup.id, backup.created)}
              aria-label={`Restore the backup of ${when(backup.created)}`}
            >
              Restore
            </button>
          </li>
        ))}
      </ul>
      <div className="dialog-actions">
        <button
          disabled={busy || readOnly}
          onClick={() => void run(() => call('backups:create'), 'Backup taken.')}
        >
          Back up now
        </button>
        <button onClick={onClose}>Close</button>
      </div>
    </ModalDialog>
  )
}
