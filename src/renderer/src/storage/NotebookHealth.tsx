/**
 * Tells the analyst, without being asked, whether their work is safe: a save indicator that is
 * always there, a banner when the notebook is read-only (and why), what was set aside or repaired
 * on open, and an alarm with a restore offer when the notebook they meant could not be opened.
 */
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { call, errorMessage } from '../api'
import { useNotify } from '../notices'
import { BackupsDialog } from './BackupsDialog'
import { useNotebookStatus } from './use-notebook-status'
import './storage.css'

export function NotebookHealth() {
  const status = useNotebookStatus().data
  const client = useQueryClient()
  const notify = useNotify()
  const [showingBackups, setShowingBackups] = useState(false)
  const [alarmDismissed, setAlarmDismissed] = useState(false)
  const [problemsDismissed, setProblemsDismissed] = useState(false)

  useEffect(
    () =>
      window.corroborate.events?.onEvent((event) => {
        if (event.type === 'menu' && event.command === 'backups') setShowingBackups(true)
      }),
    [],
  )
  if (!status) return null

  const recover = async (backupId: string) => {
    try {
      await call('notebook:recover', backupId)
      await client.invalidateQueries()
      notify({ tone: 'info', text: 'The notebook was restored from its newest good backup and opened.' })
    } catch (error) {
      notify({ tone: 'error', text: errorMessage(error) })
    }
  }
  const notes = status.problems.filter((p) => p.kind !== 'locked' && p.kind !== 'newer-version')
  const alarm = !alarmDismissed ? status.alarm : null

  return (
    <>
      <div className="save-state" role="status" aria-live="polite">
        {status.readOnly ? 'Read-only' : status.saving ? 'Saving…' : 'All changes saved'}
        <button className="link-button" onClick={() => setShowingBackups(true)}>
          Backups…
        </button>
      </div>
      {(status.readOnly || alarm || (notes.length > 0 && !problemsDismissed)) && (
        <section className="notebook-health" aria-label="Notebook health">
          {alarm && (
            <div className="health-alarm" role="alert">
              <p>{alarm.message}</p>
              <div className="notice-actions">
                {alarm.backup && (
                  <button onClick={() => void recover(alarm.backup!.id)}>
                    Restore the backup of {new Date(alarm.backup.created).toLocaleString()}
                  </button>
                )}
                <button onClick={() => setAlarmDismissed(true)}>Dismiss</button>
              </div>
            </div>
          )}
          {status.readOnly && (
            <div className="health-readonly" role="alert">
              <p>
                <strong>Read-only.</strong> {status.readOnly}
              </p>
            </div>
          )}
          {notes.length > 0 && !problemsDismissed && (
            <details className="health-notes">
              <summary>
                {notes.length} note{notes.length === 1 ? '' : 's'} about opening this notebook
              </summary>
              <ul>
                {notes.map((note, i) => (
                  <li key={i}>{note.message}</li>
                ))}
              </ul>
              <button onClick={() => setProblemsDismissed(true)}>Dismiss</button>
            </details>
          )}
        </section>
      )}
      <BackupsDialog
        open={showingBackups}
        onClose={() => setShowingBackups(false)}
        readOnly={!!status.readOnly}
      />
    </>
  )
}
