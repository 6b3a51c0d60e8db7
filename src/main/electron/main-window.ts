/** The main window, locked down: isolated, sandboxed, no Node, no navigation, no new windows. */
import { join } from 'node:path'
import { BrowserWindow } from 'electron'

export const RENDERER_FILE = join(__dirname, '../renderer/index.html')

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Corroborate',
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  })
  window.once('ready-to-show', () => window.show())
  // Links in imported articles are data, not places to go: nothing navigates this window.
  window.webContents.on('will-navigate', (event) => event.preventDefault())
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))

  const devServer = process.env['ELECTRON_RENDERER_URL']
  if (devServer) void window.loadURL(devServer)
  else void window.loadFile(RENDERER_FILE)
  return window
}
