/**
 * What every webContents may do, as pure handlers (security.ts installs them on every webContents
 * and session; web-contents-policy.test.ts calls them). The answer is always no: the app never
 * navigates, never opens windows, never embeds webviews and grants no permission. Links in articles
 * are data; opening one in the browser goes through external-links.ts after the user confirms.
 */
import type { HandlerDetails, WindowOpenHandlerResponse } from 'electron'

export function denyWindowOpen(_details: Pick<HandlerDetails, 'url'>): WindowOpenHandlerResponse {
  return { action: 'deny' }
}

/** For `will-navigate`, `will-frame-navigate` and `will-redirect`: the page stays where it loaded. */
export function isNavigationAllowed(_url: string): boolean {
  return false
}

/** For `will-attach-webview`: the tag is off in webPreferences, and this refuses it again. */
export function isWebviewAllowed(): boolean {
  return false
}

/** `session.setPermissionRequestHandler`: camera, microphone, notifications, geolocation… all no. */
export function denyPermissionRequest(
  _webContents: unknown,
  _permission: string,
  callback: (granted: boolean) => void,
): void {
  callback(false)
}

/** `session.setPermissionCheckHandler` (synchronous checks such as clipboard-read or HID): no. */
export function denyPermissionCheck(): boolean {
  return false
}

/** `session.setDevicePermissionHandler` (HID, serial, USB): no device is ever granted. */
export function denyDevicePermission(): boolean {
  return false
}
