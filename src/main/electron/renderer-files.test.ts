import { existsSync, readFileSync } from 'node:fs'
import { isAbsolute, join, relative, sep } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { APP_SCHEME_REGISTRATION, RENDERER_ENTRY_URL } from './app-origin'
import { resolveRendererFile } from './renderer-files'

const DIR = join(sep, 'opt', 'corroborate', 'out', 'renderer')

function servedPath(url: string): string | null {
  const result = resolveRendererFile(url, DIR)
  return result.ok ? result.path : null
}

describe('resolveRendererFile', () => {
  it('serves index.html for the entry URL and for the bare origin', () => {
    expect(servedPath(RENDERER_ENTRY_URL)).toBe(join(DIR, 'index.html'))
    expect(servedPath('app://corroborate/')).toBe(join(DIR, 'index.html'))
    expect(servedPath('app://corroborate')).toBe(join(DIR, 'index.html'))
  })

  it('serves assets with their MIME type, ignoring query and fragment', () => {
    expect(resolveRendererFile('app://corroborate/assets/index-abc.js?v=1#x', DIR)).toEqual({
      ok: true,
      path: join(DIR, 'assets', 'index-abc.js'),
      mimeType: 'text/javascript; charset=utf-8',
    })
    expect(resolveRendererFile('app://corroborate/assets/a.css', DIR)).toMatchObject({
      mimeType: 'text/css; charset=utf-8',
    })
    expect(resolveRendererFile('app://corroborate/index.html', DIR)).toMatchObject({
      mimeType: 'text/html; charset=utf-8',
    })
    expect(resolveRendererFile('app://corroborate/fonts/x.woff2', DIR)).toMatchObject({
      mimeType: 'font/woff2',
    })
    expect(resolveRendererFile('app://corroborate/blob.bin', DIR)).toMatchObject({
      mimeType: 'application/octet-stream',
    })
  })

  it('decodes ordinary percent-encoding in file names', () => {
    expect(servedPath('app://corroborate/assets/a%20b.png')).toBe(join(DIR, 'assets', 'a b.png'))
  })

  // The URL parser (Chromium's, and Node's here) removes plain and %2e dot segments before we see the
  // path: "/../../etc/passwd" arrives as "/etc/passwd", a (missing) file inside the renderer folder.
  it.each([
    'app://corroborate/../../etc/passwd',
    'app://corroborate/assets/../../../etc/passwd',
    'app://corroborate/%2e%2e/%2e%2e/etc/passwd',
    'app://corroborate/.%2E/secret',
  ])('resolves dot segments inside the renderer folder: %s', (url) => {
    const path = servedPath(url)
    expect(path).not.toBeNull()
    expect(relative(DIR, path ?? '').startsWith('..')).toBe(false)
  })

  // What the parser leaves alone and decoding would turn into a separator, a dot segment or a drive.
  it.each([
    'app://corroborate/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    'app://corroborate/assets%2f..%2f..%2fsecret',
    'app://corroborate/..%5c..%5cwindows%5cwin.ini',
    'app://corroborate/assets/%5c%5cserver%5cshare',
    'app://corroborate/C:%5cWindows%5cwin.ini',
    'app://corroborate/c:/Windows/win.ini',
    'app://corroborate/%2fetc%2fpasswd',
    'app://corroborate/index.html%00.png',
  ])('refuses encoded traversal, separators, drives and NUL: %s', (url) => {
    expect(resolveRendererFile(url, DIR)).toMatchObject({ ok: false, status: 403 })
  })

  it('decodes only once: a double-encoded dot is a literal file name, not a parent folder', () => {
    expect(servedPath('app://corroborate/%252e%252e/x')).toBe(join(DIR, '%2e%2e', 'x'))
  })

  it.each([
    ['file:///etc/passwd', 403],
    ['app://evil/index.html', 403],
    ['app://corroborate.evil/index.html', 403],
    ['app://user:pass@corroborate/index.html', 403],
    ['http://corroborate/index.html', 403],
    ['https://localhost/index.html', 403],
    ['not a url', 400],
    ['app://corroborate/%E0%A4%A', 400],
  ] as const)('refuses %s with %i', (url, status) => {
    expect(resolveRendererFile(url, DIR)).toMatchObject({ ok: false, status })
  })

  it('serves a file whose name starts with two dots from inside the folder (not a step up)', () => {
    expect(servedPath('app://corroborate/..&')).toBe(join(DIR, '..&'))
  })

  it('keeps every URL of any path inside the renderer folder (property)', () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%2E.', '%2f', '%5c', '%00', 'C:', 'a', 'assets', '~', ''),
      fc.string({ maxLength: 6 }),
    )
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
        const path = servedPath(`app://corroborate/${segments.join('/')}`)
        if (path !== null) {
          // Outside means the first segment is `..` (a file named `..&` is inside) or another root.
          const inside = relative(DIR, path)
          expect(inside === '' || inside.split(sep)[0] === '..' || isAbsolute(inside)).toBe(false)
        }
      }),
      // Fixed, so CI is repeatable; `..&` (a name, not a step up) is what a random seed once found.
      { numRuns: 2000, seed: 20261201 },
    )
  })
})

describe('the app scheme', () => {
  it('is registered standard and secure, with no CSP bypass and no service workers', () => {
    expect(APP_SCHEME_REGISTRATION.scheme).toBe('app')
    expect(APP_SCHEME_REGISTRATION.privileges).toMatchObject({
      standard: true,
      secure: true,
      bypassCSP: false,
      allowServiceWorkers: false,
      corsEnabled: false,
    })
  })
})

// Vite's `base` must give asset URLs that resolve under app:// (relative `./assets/…` or `/assets/…`).
const BUILT = join(import.meta.dirname, '..', '..', '..', 'out', 'renderer')
// `npm test` builds before the unit tests; only a bare `vitest` run without a build skips this, never CI.
describe.skipIf(!existsSync(join(BUILT, 'index.html')) && !process.env['CI'])(
  'the built renderer under app://',
  () => {
    it('references only assets that resolve to files in out/renderer', () => {
      const html = readFileSync(join(BUILT, 'index.html'), 'utf8')
      const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '')
      expect(refs.length).toBeGreaterThan(0)
      for (const ref of refs) {
        const result = resolveRendererFile(new URL(ref, RENDERER_ENTRY_URL).href, BUILT)
        expect(result.ok, ref).toBe(true)
        if (result.ok) expect(existsSync(result.path), ref).toBe(true)
      }
    })
  },
)
