/**
 * The app's commands (import, export, open…), shared by the toolbar, the native menu and drops,
 * each reporting its outcome through a notice.
 */
import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import type { ImportOutcome } from '../../main/core/sources'
import type { BriefFormat } from '../../shared/ipc/payloads'
import { call, errorMessage } from './api'
import { useNotify } from './notices'
import { notebookKey } from './queries'

export function describeImport(outcomes: ImportOutcome[]): {
  text: string
  details: string[]
  failed: boolean
} {
  const added = outcomes.filter((o) => o.ok && !o.duplicate).length
  const duplicates = outcomes.filter((o) => o.ok && o.duplicate)
  const failures = outcomes.filter((o): o is Extract<ImportOutcome, { ok: false }> => !o.ok)
  const parts = [`Imported ${added} ${added === 1 ? 'source' : 'sources'}`]
  if (duplicates.length) parts.push(`${duplicates.length} already in the notebook`)
  if (failures.length) parts.push(`${failures.length} refused`)
  return {
    text: `${parts.join(', ')}.`,
    details: [
      ...failures.map((f) => f.error),
      ...duplicates.map((d) => `${d.fileName}: same file as “${d.ok ? d.title : ''}”`),
    ],
    failed: failures.length > 0,
  }
}

export function useAppCommands(onImported: (firstSourceId: string | null) => void) {
  const notify = useNotify()
  const client = useQueryClient()

  const run = useCallback(
    async <T>(work: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await work()
      } catch (error) {
        notify({ tone: 'error', text: errorMessage(error) })
        return undefined
      } finally {
        await client.invalidateQueries({ queryKey: notebookKey })
      }
    },
    [client, notify],
  )

  const reportImport = useCallback(
    (outcomes: ImportOutcome[] | undefined) => {
      if (!outcomes || outcomes.length === 0) return
      const { text, details, failed } = describeImport(outcomes)
      notify({ tone: failed ? 'error' : 'info', text, details })
      const first = outcomes.find((o) => o.ok)
      onImported(first && first.ok ? first.sourceId : null)
    },
    [notify, onImported],
  )

  return useMemo(
    () => ({
      importDialog: async () => reportImport(await run(() => call('sources:importDialog'))),
      importFiles: async (files: File[]) => {
        const uploads = await Promise.all(
          files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
        )
        reportImport(await run(() => call('sources:importFiles', uploads)))
      },
      exportBrief: async (format: BriefFormat) => {
        const saved = await run(() => call('brief:export', format))
        if (saved) notify({ tone: 'info', text: `Brief saved to ${saved.path}` })
      },
      openNotebook: async () => {
        const opened = await run(() => call('notebook:open'))
        if (opened) onImported(null)
      },
      newNotebook: async () => {
        const created = await run(() => call('notebook:create'))
        if (created) onImported(null)
      },
    }),
    [run, reportImport, notify, onImported],
  )
}
