/** Serves the built renderer (out/renderer) on 127.0.0.1 for the browser tests. */
import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import sirv from 'sirv'

export const RENDERER_DIR = join(import.meta.dirname, '..', '..', 'out', 'renderer')

export async function serveRenderer(): Promise<{ url: string; close(): Promise<void> }> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`${RENDERER_DIR} has no build: run "npm run build" first (npm run test:e2e does).`)
  }
  const serve = sirv(RENDERER_DIR, { dev: false, etag: true })
  const server: Server = createServer((req, res) => serve(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  }
}
