/** Session-wide guards: the renderer's CSP as a response header, and every permission denied. */
import { app, session } from 'electron'
import { RENDERER_CSP } from '../../shared/csp'

export function hardenSessions(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })
  void app.whenReady().then(() => {
    const ses = session.defaultSession
    ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false))
    ses.setPermissionCheckHandler(() => false)
    // The dev server needs its inline hot-reload scripts; the built app gets the strict header.
    if (!process.env['ELECTRON_RENDERER_URL']) {
      ses.webRequest.onHeadersReceived((details, callback) => {
        callback({
          responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CSP] },
        })
      })
    }
  })
}
