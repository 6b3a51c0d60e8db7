/**
 * The app protocol handler end to end on real files: Electron's `protocol` is replaced by a stand-in
 * that captures the handler (the real module needs the Electron binary), and requests are real
 * `Request`s against a temp renderer folder.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Session } from 'electron'
import { RENDERER_CSP } from '../../shared/csp'

const registered = vi.hoisted(() => ({ schemes: [] as unknown[] }))
vi.mock('electron', () => ({
  protocol: { registerSchemesAsPrivileged: (schemes: unknown[]) => registered.schemes.push(...schemes) },
}))
const { registerAppScheme, serveRenderer } = await import('./app-protocol')

type Handler = (request: Request) => Promise<Response>
let handler: Handler
let root: string

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'corroborate-protocol-'))
  const rendererDir = join(root, 'renderer')
  await mkdir(join(rendererDir, 'assets'), { recursive: true })
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Corroborate</title>')
  await writeFile(join(rendererDir, 'assets', 'index.js'), 'console.log(1)')
  await writeFile(join(root, 'secret.txt'), 'not for the page')
  const session = {
    protocol: {
      handle: (scheme: string, h: Handler) => {
        expect(scheme).toBe('app')
        handler = h
      },
    },
  } as unknown as Session
  serveRenderer(session, rendererDir)
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

const get = (url: string, method = 'GET') => handler(new Request(url, { method }))

describe('the app protocol', () => {
  it('registers app:// as a privileged scheme', () => {
    registerAppScheme()
    expect(registered.schemes).toEqual([expect.objectContaining({ scheme: 'app' })])
  })

  it('serves index.html with its type and the CSP header', async () => {
    const response = await get('app://corroborate/index.html')
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('<title>Corroborate</title>')
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP)
  })

  it('serves assets as JavaScript', async () => {
    const response = await get('app://corroborate/assets/index.js')
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await response.text()).toBe('console.log(1)')
  })

  it('answers 404 for a missing file and 403 for a file beside the renderer folder', async () => {
    expect((await get('app://corroborate/missing.js')).status).toBe(404)
    const escape = await get('app://corroborate/..%2fsecret.txt')
    expect(escape.status).toBe(403)
    expect(await escape.text()).not.toContain('not for the page')
    expect(escape.headers.get('content-security-policy')).toBe(RENDERER_CSP)
  })

  it('refuses other hosts and methods other than GET and HEAD', async () => {
    expect((await get('app://evil/index.html')).status).toBe(403)
    expect((await get('app://corroborate/index.html', 'POST')).status).toBe(405)
    const head = await get('app://corroborate/index.html', 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })
})
