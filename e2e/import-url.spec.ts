/**
 * Import from a URL: main fetches the page (from a server on 127.0.0.1 standing in for the web),
 * records the final address after redirects and the retrieval time; an unreachable address says so.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test } from './support/harness'
import { savedNotebook } from './support/saved-notebook'

const ARTICLE = `<!doctype html><html lang="en"><head><title>Troops sighted near the border</title>
<meta property="og:site_name" content="Loopback Times"><meta property="article:published_time" content="2024-10-24T09:00:00Z">
<meta name="author" content="Ana Reporter"></head><body><article><h1>Troops sighted near the border</h1>
<p>${'Officials said about 3,000 soldiers were moved by ship to Vladivostok for training. '.repeat(6)}</p>
<p>The ministry declined to comment on the figures reported by intelligence services.</p></article></body></html>`

let server: Server
let base: string
test.beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/old') {
      res.writeHead(301, { location: '/news/troops' }).end()
    } else if (req.url === '/news/troops') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE)
    } else {
      res.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

test('imports a web page by URL with its final address and retrieval time', async ({ app }) => {
  const { page } = app
  await app.open()
  await page.getByRole('button', { name: 'Import URL…' }).click()
  await page.getByLabel(/^Address/).fill(`${base}/old`)
  const asked = Date.now()
  await page.getByRole('dialog').getByRole('button', { name: 'Import' }).click()
  await expect(page.getByRole('region', { name: 'Imports' })).toContainText('1 of 1 imported', {
    timeout: 30_000,
  })
  await expect(page.getByRole('heading', { level: 1, name: 'Troops sighted near the border' })).toBeVisible()
  await expect(page.locator('.reader-meta')).toContainText('Loopback Times')

  const saved = await savedNotebook(app.notebookDir)
  const source = saved.sources[0]!
  expect(source.url).toBe(`${base}/news/troops`)
  expect(source.format).toBe('html')
  expect(source.published).toBe('2024-10-24')
  // Retrieved while this test asked for it, however long a busy machine took.
  expect(Date.parse(source.retrieved)).toBeGreaterThanOrEqual(asked)
  expect(Date.parse(source.retrieved)).toBeLessThanOrEqual(Date.now())
})

test('an unreachable address gives a clear message and imports nothing', async ({ app }) => {
  const { page } = app
  await app.open()
  await page.getByRole('button', { name: 'Import URL…' }).click()
  // Port 9 on loopback: nothing listens there, so the connection is refused at once.
  await page.getByLabel(/^Address/).fill('http://127.0.0.1:9/article')
  await page.getByRole('dialog').getByRole('button', { name: 'Import' }).click()
  await expect(page.getByRole('alert')).toContainText('Could not reach 127.0.0.1:9')
  await expect(page.getByText('No sources yet.')).toBeVisible()
})
