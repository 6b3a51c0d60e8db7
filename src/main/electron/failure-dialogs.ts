/** Shows what startup-failure.ts decided: a fatal error box then quit, or a dead renderer's reload offer. */
import { app, dialog, type BrowserWindow } from 'electron'
import type { Failure } from './startup-failure'

let quitting = false

/** A native error box (it works before any window exists), then quit: the quit guard still saves. */
export function quitWithError(failure: Failure): void {
  // One box is enough: a failed load is reported both by did-fail-load and by loadURL's rejection.
  if (quitting) return
  quitting = true
  dialog.showErrorBox(failure.title, failure.message)
  app.quit()
}

export async function offerReload(window: BrowserWindow, failure: Failure): Promise<void> {
  const options = {
    type: 'error' as const,
    title: failure.title,
    message: failure.title,
    detail: failure.message,
    buttons: ['Reload', 'Quit'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  }
  // A dialog parented to a window not yet shown may not show at all.
  const { response } = await (window.isVisible()
    ? dialog.showMessageBox(window, options)
    : dialog.showMessageBox(options))
  if (response === 0 && !window.isDestroyed()) window.webContents.reload()
  else if (response !== 0) app.quit()
}
