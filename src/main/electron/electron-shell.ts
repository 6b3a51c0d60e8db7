/**
 * The NativeShell on Electron's dialogs. Each kind of dialog opens in the folder the last one of its
 * kind ended in (kept in state.json by AppState, so it survives restarts).
 */
import { dirname, join } from 'node:path'
import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron'
import { printHtmlToPdf } from './print-to-pdf'
import { openExternalAfterConfirm } from './external-links'
import type { NativeShell } from '../api/native-shell'
import type { DialogPurpose } from '../core/app-state'
import { SUPPORTED_EXTENSIONS } from '../core/import/formats'

/** Where dialogs remember their folders (AppState). */
export interface DialogFolders {
  lastFolder(purpose: DialogPurpose): Promise<string | null>
  rememberFolder(purpose: DialogPurpose, folder: string): Promise<void>
}

export function createElectronShell(
  getWindow: () => BrowserWindow | null,
  folders: DialogFolders,
): NativeShell {
  const open = (options: OpenDialogOptions) => {
    const window = getWindow()
    return window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options)
  }
  const save = (options: SaveDialogOptions) => {
    const window = getWindow()
    return window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options)
  }
  const lastFolder = (purpose: DialogPurpose) => folders.lastFolder(purpose).catch(() => null)
  // A chosen file's folder; for a chosen folder its parent, where the next one (a sibling) is picked.
  // Losing the memory is not worth failing the user's choice over.
  const remember = (purpose: DialogPurpose, chosen: string | undefined) =>
    chosen ? folders.rememberFolder(purpose, dirname(chosen)).catch(() => undefined) : undefined
  const withDefault = async <T extends OpenDialogOptions>(purpose: DialogPurpose, options: T) => {
    const defaultPath = await lastFolder(purpose)
    return defaultPath ? { ...options, defaultPath } : options
  }

  return {
    async chooseFilesToImport(kind) {
      const result = await open(
        await withDefault(
          'import',
          kind === 'folder'
            ? { title: 'Import a folder of articles', properties: ['openDirectory'] }
            : {
                title: 'Import articles',
                properties: ['openFile', 'multiSelections'],
                filters: [{ name: 'Articles', extensions: SUPPORTED_EXTENSIONS.map((e) => e.slice(1)) }],
              },
        ),
      )
      if (result.canceled) return []
      await remember('import', result.filePaths[0])
      return result.filePaths
    },
    async chooseArchive() {
      const result = await open(
        await withDefault('archive', {
          title: 'Import a notebook archive',
          properties: ['openFile'],
          filters: [{ name: 'Corroborate archive', extensions: ['corroborate'] }],
        }),
      )
      const file = result.canceled ? undefined : result.filePaths[0]
      await remember('archive', file)
      return file ?? null
    },
    async chooseNotebookFolder(purpose) {
      const result = await open(
        await withDefault('notebook', {
          title: purpose === 'open' ? 'Open notebook folder' : 'Choose a folder for the new notebook',
          properties: ['openDirectory', 'createDirectory'],
        }),
      )
      const dir = result.canceled ? undefined : result.filePaths[0]
      await remember('notebook', dir)
      return dir ?? null
    },
    printHtmlToPdf: (html) => printHtmlToPdf(html),
    openLinkInBrowser: (url) => openExternalAfterConfirm(getWindow(), url),
    async chooseExportPath(defaultName, filter) {
      const folder = await lastFolder('export')
      const result = await save({
        title: 'Export brief',
        defaultPath: folder ? join(folder, defaultName) : defaultName,
        filters: [filter],
      })
      const file = result.canceled ? undefined : result.filePath
      await remember('export', file)
      return file ?? null
    },
  }
}
