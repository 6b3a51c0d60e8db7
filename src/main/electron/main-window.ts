/**
 * The main window: locked-down webPreferences (web-preferences.ts), the renderer from `app://`
 * (or the dev server in `npm run dev`), opened where it was last time (window-bounds.ts).
 */
import { join } from 'node:path'
import { BrowserWindow, screen } from 'electron'
import { RENDERER_ENTRY_URL } from './app-origin'
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
  const devServer = process.env['ELECTRON_RENDERER_URL']
  void window.loadURL(devServer ?? RENDERER_ENTRY_URL)
  return window
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
