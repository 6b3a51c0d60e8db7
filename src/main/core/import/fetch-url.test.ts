/**
 * URL import against a real HTTP server on 127.0.0.1, through both network ports: Node's fetch
 * (tests, the default) and the ClientRequest adapter the app runs over Electron's net.request,
 * driven here by Node's http.request (same shape; Node answers a redirect as the 3xx it is, as the
 * adapter does for Electron). Redirects are followed and checked hop by hop, sizes are capped while
 * reading, and a cancelled import stops the download.
 */
import { createServer, request, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_IMPORT_BYTES } from '../../../shared/limits'
import { DomainError } from '../domain-error'
import { fetchForImport, MAX_REDIRECTS, type ImportFetch } from './fetch-url'
import { fetchOverRequests } from './request-fetch'

const PAGE = '<!doctype html><title>Troops</title><p>About 3,000 soldiers.</p>'
/** Responses left open on purpose (a stalled download), ended when the test is over. */
const stalled = new Set<ServerResponse>()

function route(path: string, res: ServerResponse): void {
  const hop = /^\/hop\/(\d+)$/.exec(path)
  if (hop) {
    const next = Number(hop[1]) + 1
    res.writeHead(302, { location: next > MAX_REDIRECTS ? '/news/troops' : `/hop/${next}` }).end()
  } else if (path === '/old') res.writeHead(301, { location: '/moved' }).end()
  else if (path === '/moved') res.writeHead(307, { location: `${base}/news/troops?ref=a` }).end()
  else if (path.startsWith('/news/troops')) res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE)
  else if (path === '/loop') res.writeHead(302, { location: '/loop' }).end()
  else if (path === '/to-file') res.writeHead(302, { location: 'file:///etc/passwd' }).end()
  else if (path === '/declared-huge') {
    res.writeHead(200, { 'content-length': String(MAX_IMPORT_BYTES + 1) })
    res.write('a')
    stalled.add(res)
  } else if (path === '/streamed-huge') {
    // No length declared: the cap must count the bytes as they come.
    res.writeHead(200, { 'content-type': 'text/plain' })
    const chunk = Buffer.alloc(1024 * 1024, 0x61)
    let sent = 0
    const more = () => {
      while (sent <= MAX_IMPORT_BYTES && !res.destroyed) {
        sent += chunk.byteLength
        if (!res.write(chunk)) return void res.once('drain', more)
      }
      res.end()
    }
    more()
  } else if (path === '/stalls') {
    res.writeHead(200, { 'content-type': 'text/html' })
    res.write('<p>the first part')
    stalled.add(res)
  } else res.writeHead(404, 'Not Found').end()
}

let server: Server
let base: string
beforeAll(async () => {
  server = createServer((req, res) => route(req.url ?? '/', res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  for (const res of stalled) res.destroy()
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(DomainError)
  return error as DomainError
}

const ports: Array<[string, ImportFetch]> = [
  ["Node's fetch", fetch],
  [
    'the ClientRequest adapter over http.request',
    fetchOverRequests((url, headers) => request(url, { headers })),
  ],
]

describe.each(ports)('fetchForImport through %s', (_name, port) => {
  it('follows redirects, relative and absolute, and keeps the final address', async () => {
    const page = await fetchForImport(`${base}/old`, undefined, port)
    expect(page.url).toBe(`${base}/news/troops?ref=a`)
    expect(page.upload.name).toBe('troops.html')
    expect(new TextDecoder().decode(page.upload.bytes)).toBe(PAGE)
    expect(Date.parse(page.retrieved)).not.toBeNaN()
  })

  it(`follows as many as ${MAX_REDIRECTS} redirects, and stops a loop after that`, async () => {
    const page = await fetchForImport(`${base}/hop/1`, undefined, port)
    expect(page.url).toBe(`${base}/news/troops`)
    const loop = await refusal(fetchForImport(`${base}/loop`, undefined, port))
    expect(loop.code).toBe('fetch-failed')
    expect(loop.message).toBe(`127.0.0.1:${new URL(base).port} redirected more than ${MAX_REDIRECTS} times.`)
  })

  it('refuses a redirect to an address that is not http(s)', async () => {
    const error = await refusal(fetchForImport(`${base}/to-file`, undefined, port))
    expect(error.code).toBe('bad-url')
    expect(error.message).toMatch(/redirected to a file: address; only http and https/)
  })

  it('refuses a page over the import limit, declared or streamed', async () => {
    for (const path of ['/declared-huge', '/streamed-huge']) {
      const error = await refusal(fetchForImport(`${base}${path}`, undefined, port))
      expect(error.code).toBe('too-large')
      expect(error.message).toBe(`${base}${path} is larger than the import limit.`)
    }
  }, 120_000) // generous: 20 MB through loopback, however busy the machine

  it('names the status of a page that is not there', async () => {
    const error = await refusal(fetchForImport(`${base}/missing`, undefined, port))
    expect(error.code).toBe('fetch-failed')
    expect(error.message).toBe(`127.0.0.1:${new URL(base).port} answered 404 Not Found for ${base}/missing.`)
  })

  it('stops a download when the import is cancelled', async () => {
    const controller = new AbortController()
    let answered!: () => void
    const headersIn = new Promise<void>((resolve) => (answered = resolve))
    const watched: ImportFetch = async (url, init) => {
      const response = await port(url, init)
      answered()
      return response
    }
    const pending = fetchForImport(`${base}/stalls`, controller.signal, watched)
    // Cancelled while reading the body: the server sent its first part and stalled.
    await headersIn
    controller.abort()
    const error = await refusal(pending)
    expect(error.code).toBe('cancelled')
  })

  it('says plainly when nothing answers', async () => {
    // Port 9 on loopback: nothing listens there, so the connection is refused at once.
    const error = await refusal(fetchForImport('http://127.0.0.1:9/article', undefined, port))
    expect(error.code).toBe('fetch-failed')
    expect(error.message).toMatch(/^Could not reach 127\.0\.0\.1:9 \(.+\)\. Are you offline\?/)
  })
})
