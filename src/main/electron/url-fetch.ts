/**
 * The network for URL imports in the app: Chromium's stack, so the system proxy (PAC included) and
 * the operating system's certificates apply as in the user's browser, where Node's fetch knows
 * neither. It runs on a session of its own kept in memory only, so nothing a fetched site sets
 * (cookies, cache, HSTS) reaches the disk or the app window's session. Like every session, it gets
 * security.ts's lock-down (no permissions, no devices) when Electron creates it ('session-created').
 */
import { net, session, type Session } from 'electron'
import type { ImportFetch } from '../core/import/fetch-url'
import { fetchOverRequests, type RequestLike } from '../core/import/request-fetch'

/** Without the `persist:` prefix Electron keeps a partition in memory only. */
export const URL_IMPORT_PARTITION = 'corroborate-url-import'

let importSession: Session | undefined

export const chromiumFetch: ImportFetch = fetchOverRequests((url, headers): RequestLike => {
  // Made at the first import, long after `ready` (sessions cannot exist before it).
  importSession ??= session.fromPartition(URL_IMPORT_PARTITION)
  return net.request({
    url,
    headers,
    session: importSession,
    // Each redirect comes back as an event; fetch-url.ts checks the address and follows it.
    redirect: 'manual',
    // No cookies, no HTTP authentication prompts: an import is an anonymous read.
    credentials: 'omit',
    cache: 'no-store',
  })
})
