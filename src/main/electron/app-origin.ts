/**
 * The renderer's own origin, `app://corroborate`. The built renderer is served from it by a protocol
 * handler (app-protocol.ts) instead of `file://`, so the page has a real origin: its CSP 'self' means
 * our bundle and nothing else on disk, IPC can check the sender by origin, and no other file on the
 * machine is reachable from the page. Pure: no Electron at run time.
 */
import type { CustomScheme } from 'electron'

export const APP_SCHEME = 'app'
export const APP_HOST = 'corroborate'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const RENDERER_ENTRY_URL = `${APP_ORIGIN}/index.html`

/**
 * `standard` gives the scheme relative URLs and an origin (Vite's `./assets/…` paths resolve under it);
 * `secure` makes it a secure context like https. `supportFetchAPI` lets the page fetch its own assets.
 * Nothing else: no CSP bypass, no service workers, no CORS for other origins, no streaming video.
 */
export const APP_SCHEME_REGISTRATION: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    bypassCSP: false,
    allowServiceWorkers: false,
    corsEnabled: false,
    stream: false,
  },
}

/** True when `url` is on our app origin exactly: scheme, host, no port, no credentials. */
export function isAppOriginUrl(url: string): boolean {
  const parsed = parseUrl(url)
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  )
}

export function parseUrl(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}
