/**
 * Serves the built renderer on `app://corroborate/` (Electron side; the decisions are in
 * renderer-files.ts and renderer-headers.ts, which are tested without Electron).
 */
import { readFile } from 'node:fs/promises'
import { protocol, type Session } from 'electron'
import { APP_SCHEME, APP_SCHEME_REGISTRATION } from './app-origin'
import { refusalHeaders, rendererResponseHeaders } from './renderer-headers'
import { resolveRendererFile } from './renderer-files'

/** Must run before the app is ready: a scheme's privileges are fixed when Chromium starts. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_REGISTRATION])
}

export function serveRenderer(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const resolved = resolveRendererFile(request.url, rendererDir)
    if (!resolved.ok)
      return new Response(resolved.reason, { status: resolved.status, headers: refusalHeaders() })
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return new Response('method not allowed', { status: 405, headers: refusalHeaders() })
    try {
      const body = await readFile(resolved.path)
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: rendererResponseHeaders(resolved.mimeType),
      })
    } catch {
      return new Response('not found', { status: 404, headers: refusalHeaders() })
    }
  })
}
