/**
 * App lifecycle: open the notebook session, wire IPC, build the menu, show the window. This is the
 * only place that knows Electron's app object; the domain underneath is plain Node.
 */
import { join } from 'node:path'
import { app, BrowserWindow, dialog } from 'electron'
import { createHandlers } from '../api/handlers'
import { Importer } from '../core/import/importer'
import { NotebookSession } from '../core/notebook-session'
import { EVENT_CHANNEL, type AppEvent } from '../../shared/ipc/events'
import { registerIpc } from './ipc'
import { installMenu } from './menu'
import { createElectronShell } from './electron-shell'
import { createMainWindow } from './main-window'
import { hardenSessions } from './security'

export async function startApp(): Promise<void> {
  hardenSessions()
  await app.whenReady()
  let session: NotebookSession
  try {
    session = await NotebookSession.start({
      dataDir: app.getPath('userData'),
      sampleDir: join(app.getAppPath(), 'resources', 'sample'),
    })
  } catch (error) {
    dialog.showErrorBox('Corroborate cannot open its notebook', (error as Error).message)
    app.quit()
    return
  }
  const getWindow = () => BrowserWindow.getAllWindows()[0] ?? null
  const importer = new Importer()
  const emit = (event: AppEvent) => getWindow()?.webContents.send(EVENT_CHANNEL, event)
  const cslDir = join(app.getAppPath(), 'resources', 'csl')
  registerIpc(createHandlers(session, createElectronShell(getWindow), { importer, emit, cslDir }))
  app.on('will-quit', () => void importer.close())
  installMenu(getWindow)
  createMainWindow()

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
