/**
 * Maps an `app://corroborate/…` request to a file of the built renderer, or refuses it. Pure (no file
 * system): the protocol handler reads the file. Everything not plainly inside the renderer folder is
 * refused: other hosts and schemes, `..` in any spelling (the URL parser removes plain and `%2e` dot
 * segments; an encoded slash or backslash would smuggle one past it, so a segment that decodes to one
 * is refused), absolute and drive-letter paths, NUL bytes.
 */
import { extname, isAbsolute, join, relative, sep } from 'node:path'
import { APP_HOST, APP_SCHEME, parseUrl } from './app-origin'

export type RendererFileRequest =
  { ok: true; path: string; mimeType: string } | { ok: false; status: 400 | 403 | 404; reason: string }

/** The types the built renderer has (Vite's output: HTML, JS, CSS, fonts, images, source maps). */
const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
}

export function mimeTypeFor(path: string): string {
  // Unknown types are served as opaque bytes; with `nosniff` the page cannot run them as script.
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

export function resolveRendererFile(url: string, rendererDir: string): RendererFileRequest {
  const parsed = parseUrl(url)
  if (!parsed) return { ok: false, status: 400, reason: 'not a URL' }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST)
    return { ok: false, status: 403, reason: `not on ${APP_SCHEME}://${APP_HOST}` }
  if (parsed.username || parsed.password) return { ok: false, status: 403, reason: 'credentials in URL' }

  const segments: string[] = []
  for (const raw of parsed.pathname.split('/')) {
    if (raw === '') continue
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return { ok: false, status: 400, reason: 'malformed percent-encoding' }
    }
    if (segment === '.' || segment === '..' || /[/\\\0:]/.test(segment))
      return { ok: false, status: 403, reason: `refused path segment ${JSON.stringify(segment)}` }
    segments.push(segment)
  }
  if (segments.length === 0) segments.push('index.html')

  const path = join(rendererDir, ...segments)
  // Belt and braces: whatever the segments were, the result must lie inside the renderer folder.
  const inside = relative(rendererDir, path)
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside))
    return { ok: false, status: 403, reason: 'outside the renderer folder' }
  return { ok: true, path, mimeType: mimeTypeFor(path) }
}
