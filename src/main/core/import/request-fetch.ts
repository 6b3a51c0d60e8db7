/**
 * An ImportFetch (see fetch-url.ts) over a ClientRequest: Electron's `net.request` in the app
 * (electron/url-fetch.ts), Node's `http.request` in tests, which share the shape used here.
 *
 * Why not Electron's `net.fetch`/`session.fetch`: its Response has an empty `url`, so the final
 * address after redirects (the provenance kept for every web source) would be lost, and it rejects
 * `redirect: 'manual'` with "Redirect was cancelled" instead of answering the redirect. A
 * ClientRequest in `manual` mode reports each redirect as an event instead; it is handed back as the
 * 3xx response it is, and fetch-url.ts checks the next address and follows it.
 */
import { Readable } from 'node:stream'
import type { ImportFetch } from './fetch-url'

/** A response as both ClientRequests give it: a byte stream with the status line and headers. */
export interface ResponseMessage extends Readable {
  statusCode?: number
  statusMessage?: string
  headers: Record<string, string | string[] | undefined>
}

/**
 * The request: 'response' (a ResponseMessage), 'redirect' (status, method, new URL; Electron in
 * `manual` mode only), 'error'; `end()` sends it, `abort()` stops it.
 */
export interface RequestLike {
  on(event: string, listener: (...args: never[]) => void): unknown
  end(): unknown
  abort(): unknown
}

export type OpenRequest = (url: string, headers: Record<string, string>) => RequestLike

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304])

function headersOf(message: ResponseMessage): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(message.headers)) {
    for (const one of value === undefined ? [] : Array.isArray(value) ? value : [value]) {
      try {
        headers.append(name, one)
      } catch {
        // A header a browser would refuse too (a control character in it): dropped, not fatal.
      }
    }
  }
  return headers
}

function responseOf(message: ResponseMessage): Response {
  const status = message.statusCode ?? 0
  const nullBody = NULL_BODY_STATUSES.has(status)
  if (nullBody) message.resume()
  const body = nullBody ? null : (Readable.toWeb(message) as ReadableStream<Uint8Array>)
  return new Response(body, { status, statusText: message.statusMessage ?? '', headers: headersOf(message) })
}

/** Redirects are never followed here, whatever `init.redirect` says: see ImportFetch. */
export function fetchOverRequests(open: OpenRequest): ImportFetch {
  return (url, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      const signal = init.signal ?? undefined
      if (signal?.aborted) return reject(signal.reason)
      const request = open(url, Object.fromEntries(new Headers(init.headers)))
      let message: ResponseMessage | undefined
      const stop = () => {
        request.abort()
        message?.destroy(signal?.reason instanceof Error ? signal.reason : undefined)
        reject(signal?.reason)
      }
      signal?.addEventListener('abort', stop, { once: true })
      const done = () => signal?.removeEventListener('abort', stop)
      request.on('redirect', (status: number, _method: string, location: string) => {
        done()
        request.abort()
        resolve(new Response(null, { status, headers: { location } }))
      })
      request.on('response', (response: ResponseMessage) => {
        message = response
        // The signal keeps watching while the body is read: a time limit covers the download too.
        response.once('close', done)
        resolve(responseOf(response))
      })
      request.on('error', (error: Error) => {
        done()
        reject(error)
      })
      request.end()
    })
}
