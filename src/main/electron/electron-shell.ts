/** The NativeShell on Electron's dialogs. */
import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron'
import { printHtmlToPdf } from './print-to-pdf'
import { openExternalAfterConfirm } from './external-links'
import type { NativeShell } from '../api/native-shell'
import { SUPPORTED_EXTENSIONS } from '../core/import/formats'

export function createElectronShell(getWindow: () => BrowserWindow | null): NativeShell {
  const open = (options: OpenDialogOptions) => {
    const window = getWindow()
    return window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options)
  }
  const save = (options: SaveDialogOptions) => {
    const window = getWindow()
    return window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options)
  }
  return {
    async chooseFilesToImport(kind) {
      const result = await open(
        kind === 'folder'
          ? { title: 'Import a folder of articles', properties: ['openDirectory'] }
          : {
              title: 'Import articles',
              properties: ['openFile', 'multiSelections'],
              filters: [{ name: 'Articles', extensions: SUPPORTED_EXTENSIONS.map((e) => e.slice(1)) }],
            },
      )
      return result.canceled ? [] : result.filePaths
    },
    async chooseArchive() {
      const result = await open({
        title: 'Import a notebook archive',
        properties: ['openFile'],
        filters: [{ name: 'Corroborate archive', extensions: ['corroborate'] }],
      })
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async chooseNotebookFolder(purpose) {
      const result = await open({
        title: purpose === 'open' ? 'Open notebook folder' : 'Choose a folder for the new notebook',
        properties: ['openDirectory', 'createDirectory'],
      })
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    printHtmlToPdf: (html) => printHtmlToPdf(html),
    openLinkInBrowser: (url) => openExternalAfterConfirm(getWindow(), url),
    async chooseExportPath(defaultName, filter) {
      const result = await save({ title: 'Export brief', defaultPath: defaultName, filters: [filter] })
      return result.canceled ? null : (result.filePath ?? null)
    },
  }
}
