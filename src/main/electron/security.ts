/**
 * Installs the policy of web-contents-policy.ts on every webContents the app ever creates (windows,
 * the hidden print window, anything a future feature adds) and on every session, so no code path
 * can forget it.
 */
import { app, session, type Session, type WebContents } from 'electron'
import {
  denyDevicePermission,
  denyPermissionCheck,
  denyPermissionRequest,
  denyWindowOpen,
  isNavigationAllowed,
  isWebviewAllowed,
} from './web-contents-policy'

function lockDown(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => {
    if (!isWebviewAllowed()) event.preventDefault()
  })
  contents.setWindowOpenHandler(denyWindowOpen)
  contents.on('will-navigate', (event) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault()
  })
  contents.on('will-frame-navigate', (event) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault()
  })
}

function lockDownSession(ses: Session): void {
  ses.setPermissionRequestHandler(denyPermissionRequest)
  ses.setPermissionCheckHandler(denyPermissionCheck)
  ses.setDevicePermissionHandler(denyDevicePermission)
}

/** Call before `app.whenReady()`: the listener must be in place before the first window exists. */
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => lockDown(contents))
  app.on('session-created', lockDownSession)
  void app.whenReady().then(() => lockDownSession(session.defaultSession))
}
