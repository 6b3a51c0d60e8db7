/**
 * Which URLs may be handed to the operating system (`shell.openExternal`): web pages over https and
 * mail addresses, nothing else. `file:`, `smb:` and custom schemes launch programs or reach shares;
 * `javascript:`/`data:` are script; plain http is refused so no link silently downgrades. URLs with
 * a user name or password are refused too (`https://bank.example@evil.example/` is a classic lure).
 */
import { parseUrl } from './app-origin'

/** Long enough for any real link; a megabyte-long "URL" is an attack on some handler, not a link. */
const MAX_EXTERNAL_URL_LENGTH = 4096

export function isSafeExternalUrl(url: string): boolean {
  if (url.length === 0 || url.length > MAX_EXTERNAL_URL_LENGTH) return false
  // Control characters and spaces are stripped or escaped by parsers in different ways: refuse them.
  if ([...url].some((c) => c.charCodeAt(0) <= 0x20 || c.charCodeAt(0) === 0x7f)) return false
  const parsed = parseUrl(url)
  if (!parsed) return false
  if (parsed.protocol === 'mailto:') return parsed.pathname.includes('@')
  if (parsed.protocol !== 'https:') return false
  // The parser forgives `https:///host` and `https:\\host`; a link we open must be written plainly.
  if (!/^https:\/\/[^/\\]/i.test(url)) return false
  return parsed.hostname !== '' && parsed.username === '' && parsed.password === ''
}

/** The confirmation shown before a link leaves the app: the full address, Cancel as the default. */
export function externalLinkPrompt(url: string) {
  return {
    type: 'question' as const,
    buttons: ['Open in Browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    title: 'Open link',
    message: 'Open this address in your browser?',
    detail: url,
    noLink: true,
  }
}
