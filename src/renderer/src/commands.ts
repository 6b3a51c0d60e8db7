/**
 * The app's commands (import, export, open…), shared by the toolbar, the native menu and drops.
 * Imports run as tracked jobs (progress, cancel, per-file results); failures become notices.
 */
import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import type { ImportOutcome } from '../../main/core/import/importer'
import type { BriefFormat } from '../../shared/ipc/payloads'
import { MAX_FILES_PER_IMPORT } from '../../shared/limits'
import { ApiError, call, errorMessage } from './api'
import { useBusy } from './busy-tasks'
import { useImportJobs } from './import-jobs'
import { useNotify } from './notices'
import { notebookKey } from './queries'

const FORMAT_NAMES: Record<BriefFormat, string> = {
  markdown: 'Markdown',
  html: 'HTML',
  docx: 'Word',
  pdf: 'PDF',
}

export function useAppCommands(
  onOpened: (firstSourceId: string | null) => void,
  openAnnotation: (annotationId: string) => void,
) {
  const notify = useNotify()
  const client = useQueryClient()
  const { track } = useImportJobs()
  const { runBusy } = useBusy()

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

  const importJob = useCallback(
    async (label: string, total: number, work: (jobId: string) => Promise<ImportOutcome[]>) => {
      const outcomes = await run(() => track(label, total, work))
      const first = outcomes?.find((o) => o.ok)
      if (first?.ok) onOpened(first.sourceId)
    },
    [run, track, onOpened],
  )

  /** A quote that no longer matches its source: name it, and offer to open it. */
  const notifyExportError = useCallback(
    (error: unknown) => {
      const problems =
        error instanceof ApiError && Array.isArray(error.error.details) ? error.error.details : []
      const first = problems[0] as { annotationId?: string } | undefined
      notify({
        tone: 'error',
        text: errorMessage(error),
        ...(first?.annotationId
          ? { action: { label: 'Open the quote', run: () => openAnnotation(first.annotationId!) } }
          : {}),
      })
    },
    [notify, openAnnotation],
  )

  return useMemo(
    () => ({
      importDialog: (kind: 'files' | 'folder') =>
        importJob(kind === 'folder' ? 'Folder' : 'Files', 0, (jobId) =>
          call('sources:importDialog', kind, jobId),
        ),
      /** Dropped files and folders: main reads them by path (no bytes cross IPC), as from the dialog. */
      importFiles: async (files: File[]) => {
        const found = window.corroborate.pathsForFiles(files)
        const onDisk = files.filter((_file, i) => found[i])
        const paths = found.filter((path) => path !== '')
        if (paths.length === 0) {
          // Dragged out of a web page or an app's memory: there is no file on disk to read.
          notify({ tone: 'error', text: 'Only files and folders from this computer can be imported.' })
          return
        }
        if (paths.length > MAX_FILES_PER_IMPORT) {
          const text = `${paths.length} items dropped; import at most ${MAX_FILES_PER_IMPORT} at a time.`
          notify({ tone: 'error', text })
          return
        }
        // A folder counts as one item until main has walked it; progress then gives the real total.
        const label = onDisk.length === 1 ? onDisk[0]!.name : `${onDisk.length} dropped items`
        await importJob(label, paths.length, (jobId) => call('sources:importPaths', paths, jobId))
      },
      importUrl: (url: string) => importJob(url, 1, (jobId) => call('sources:importUrl', url, jobId)),
      exportDraft: async (briefId: string, format: BriefFormat) => {
        try {
          const saved = await runBusy(`Exporting the brief as ${FORMAT_NAMES[format]}…`, () =>
            call('briefs:export', briefId, format),
          )
          if (saved) notify({ tone: 'info', text: `Brief saved to ${saved.path}` })
        } catch (error) {
          notifyExportError(error)
        }
      },
      exportBrief: async (format: BriefFormat) => {
        try {
          const saved = await runBusy(`Exporting the brief as ${FORMAT_NAMES[format]}…`, () =>
            call('brief:export', format),
          )
          if (saved) notify({ tone: 'info', text: `Brief saved to ${saved.path}` })
        } catch (error) {
          notifyExportError(error)
        }
      },
      exportArchive: async () => {
        const saved = await run(() =>
          runBusy('Exporting the notebook archive…', () => call('notebook:exportArchive')),
        )
        if (saved) notify({ tone: 'info', text: `Notebook archive saved to ${saved.path}` })
      },
      importArchive: async () => {
        const opened = await run(() =>
          runBusy('Importing the notebook archive…', () => call('notebook:importArchive')),
        )
        if (opened) onOpened(null)
      },
      exportCsv: async () => {
        const saved = await run(() => runBusy('Exporting the claims matrix…', () => call('claims:exportCsv')))
        if (saved) notify({ tone: 'info', text: `Claims matrix saved to ${saved.path}` })
      },
      exportJsonLd: async () => {
        const saved = await run(() =>
          runBusy('Exporting the annotations…', () => call('annotations:exportJsonLd')),
        )
        if (saved) notify({ tone: 'info', text: `Annotations saved to ${saved.path}` })
      },
      openNotebook: async () => {
        const opened = await run(() => call('notebook:open'))
        if (opened) onOpened(null)
      },
      newNotebook: async () => {
        const created = await run(() => call('notebook:create'))
        if (created) onOpened(null)
      },
    }),
    [run, runBusy, importJob, notify, onOpened, notifyExportError],
  )
}
