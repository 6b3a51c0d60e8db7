/**
 * URL import goes through the network port the handlers are given (HandlerOptions.fetch): in the
 * app that is Chromium's stack (electron/url-fetch.ts), so the system proxy and certificates apply.
 * The port here records each call and hands it to Node's real fetch, against a real server on
 * 127.0.0.1: nothing is mocked, and the test fails if any request bypasses the port.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { ImportFetch } from '../core/import/fetch-url'
import { Importer } from '../core/import/importer'
import type { ImportOutcome } from '../core/import/importer'
import { NotebookSession } from '../core/notebook-session'
import { dispatch } from './dispatch'
import { createHandlers } from './handlers'
import { cancellingShell } from './testing/scripted-shell'

const ARTICLE = `<!doctype html><html lang="en"><head><title>Troops sighted near the border</title></head>
<body><article><h1>Troops sighted near the border</h1>
<p>${'Officials said about 3,000 soldiers were moved by ship to Vladivostok for training. '.repeat(6)}</p>
</article></body></html>`

let server: Server
let base: string
let root: string
const importer = new Importer()

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/old') res.writeHead(301, { location: '/news/troops' }).end()
    else if (req.url === '/news/troops') res.writeHead(200, { 'content-type': 'text/html' }).end(ARTICLE)
    else res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  root = await mkdtemp(join(tmpdir(), 'corroborate-url-import-'))
})
afterAll(async () => {
  await importer.close()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await rm(root, { recursive: true, force: true })
})

it('fetches through the port it is given, following redirects itself', async () => {
  const calls: Array<{ url: string; redirect: RequestRedirect | undefined }> = []
  const recording: ImportFetch = (url, init) => {
    calls.push({ url, redirect: init.redirect })
    return fetch(url, init)
  }
  const session = await NotebookSession.onNotebook(join(root, 'notebook'), join(root, 'userData'))
  try {
    const handlers = createHandlers(session, cancellingShell(join(root, 'exports')), {
      importer,
      fetch: recording,
    })
    const result = await dispatch(handlers, 'sources:importUrl', [`${base}/old`, 'job-url'])
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
    expect((result.value as ImportOutcome[]).map((o) => o.ok)).toEqual([true])
    // Both hops went through the port, each asked not to follow redirects on its own.
    expect(calls).toEqual([
      { url: `${base}/old`, redirect: 'manual' },
      { url: `${base}/news/troops`, redirect: 'manual' },
    ])
    const [source] = session.store.data.sources
    expect(source?.url).toBe(`${base}/news/troops`)
    expect(source?.title).toBe('Troops sighted near the border')
  } finally {
    await session.close()
  }
}, 120_000) // generous: the page is parsed in a worker, however busy the machine
