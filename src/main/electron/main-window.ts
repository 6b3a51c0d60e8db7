/**
 * The main window: locked-down webPreferences (web-preferences.ts), the renderer from `app://`
 * (or the dev server in an unpackaged `npm run dev`: renderer-url.ts), opened where it was last time
 * (window-bounds.ts). A page that does not load ends the app with an error box; a renderer that dies
 * is offered a reload (startup-failure.ts decides, failure-dialogs.ts shows).
 */
import { join } from 'node:path'
import { app, BrowserWindow, screen } from 'electron'
import { offerReload, quitWithError } from './failure-dialogs'
import { rendererUrl } from './renderer-url'
import { loadRejectionFailure, rendererGoneFailure, windowLoadFailure } from './startup-failure'
import { mainWindowWebPreferences } from './web-preferences'
import { MIN_WINDOW_SIZE, placeWindow, type WindowPlacement } from './window-bounds'

export const RENDERER_DIR = join(__dirname, '../renderer')
const PRELOAD_FILE = join(__dirname, '../preload/index.cjs')

export function createMainWindow(saved: WindowPlacement | null): BrowserWindow {
  const primary = screen.getPrimaryDisplay()
  const others = screen.getAllDisplays().filter((d) => d.id !== primary.id)
  const placement = placeWindow(
    saved,
    [primary, ...others].map((d) => d.workArea),
  )
  // Electronegativity reads webPreferences only from an object literal written right here; ours come
  // from web-preferences.ts, tested flag by flag. The new-window and middle-click paths are denied for
  // every webContents in security.ts. Hence (docs/security.md):
  // prettier-ignore
  const window = new BrowserWindow({ // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
    ...placement.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: 'Corroborate',
    webPreferences: mainWindowWebPreferences(PRELOAD_FILE),
  })
  window.once('ready-to-show', () => {
    if (placement.isMaximized) window.maximize()
    window.show()
  })
  loadPage(window, rendererUrl({ isPackaged: app.isPackaged, env: process.env }).url)
  return window
}

function loadPage(window: BrowserWindow, url: string): void {
  const contents = window.webContents
  contents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    const failure = windowLoadFailure({ errorCode, errorDescription, validatedURL, isMainFrame })
    if (failure) quitWithError(failure)
  })
  contents.on('render-process-gone', (_event, details) => {
    const failure = rendererGoneFailure(details)
    if (failure) void offerReload(window, failure)
  })
  void window.loadURL(url).catch((error: unknown) => {
    const failure = loadRejectionFailure(error, url)
    if (failure) quitWithError(failure)
  })
}

/** Where the window is now, to remember: its normal (unmaximized) bounds and whether it is maximized. */
export function placementOf(window: BrowserWindow): WindowPlacement {
  return { bounds: window.getNormalBounds(), isMaximized: window.isMaximized() }
}

/** Brings the window to the front, restoring it if minimized (a second launch, an opened file). */
export function focusWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}
