/**
 * Which frames may call main over IPC: the top frame of our own renderer, on `app://corroborate`
 * (or, in `npm run dev`, the dev server's exact origin). Pure, so hostile URLs are tested directly.
 */
import { isAppOriginUrl, parseUrl } from './app-origin'

export interface SenderFrame {
  /** The URL of the frame that sent the message (`event.senderFrame.url`). */
  url: string
  /** Whether it is the top frame of its page: the app has no iframes, so a subframe is never ours. */
  isMainFrame: boolean
}

/** `devServerUrl` comes from rendererUrl() (renderer-url.ts): set only in an unpackaged run. */
export function isTrustedSender(frame: SenderFrame | null, devServerUrl?: string | null): boolean {
  if (!frame || !frame.isMainFrame) return false
  if (devServerUrl) return isSameHttpOrigin(frame.url, devServerUrl)
  return isAppOriginUrl(frame.url)
}

function isSameHttpOrigin(url: string, expected: string): boolean {
  const a = parseUrl(url)
  const b = parseUrl(expected)
  if (!a || !b || (b.protocol !== 'http:' && b.protocol !== 'https:')) return false
  return a.origin === b.origin && a.username === '' && a.password === ''
}
