/**
 * For ensure-electron.test.ts, all on this machine: a stand-in Electron release (a zip holding a
 * shell script that records how it was launched) on a loopback mirror, a loopback CONNECT proxy, and
 * a temp copy of this project whose `electron` and `electron-vite` packages are real copies, so the
 * download lands in the copy and electron-vite resolves the copy: the repo's own node_modules is
 * never written. Everything else in node_modules is a symlink to the repo's.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import { connect, type Socket } from 'node:net'
import { cp, copyFile, mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import JSZip from 'jszip'

export const ROOT = join(import.meta.dirname, '..')
export const ELECTRON_VERSION = (
  JSON.parse(await readFile(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
    version: string
  }
).version

/** Where electron's installer expects the binary inside `dist/` (its `getPlatformPath`). */
export const STAND_IN_BINARY =
  process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron'
const STAND_IN_RECORD = 'launch-record.txt'
const STAND_IN_SCRIPT = [
  '#!/bin/sh',
  '# Stand-in for Electron: records its working folder and arguments, then exits.',
  `{ echo "cwd=$(pwd -P)"; for arg in "$@"; do echo "arg=$arg"; done; } > "$(dirname "$0")/${STAND_IN_RECORD}"`,
  '',
].join('\n')

/** The stand-in as an executable at `path` (an Electron the user already has). */
export async function writeStandIn(path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, STAND_IN_SCRIPT, { mode: 0o755 })
}

export interface StandInRelease {
  zipName: string
  zip: Buffer
  shasums: string
}

/** The release files a mirror serves for this machine: the zip and SHASUMS256.txt (`<hex> *<file>`). */
export async function standInRelease(): Promise<StandInRelease> {
  const zip = new JSZip()
  zip.file(STAND_IN_BINARY, STAND_IN_SCRIPT, { unixPermissions: 0o755 })
  // A real release carries its version: the installer's "already installed" check reads it.
  zip.file('version', ELECTRON_VERSION)
  const bytes = await zip.generateAsync({ type: 'nodebuffer', platform: 'UNIX' })
  const zipName = `electron-v${ELECTRON_VERSION}-${process.platform}-${process.arch}.zip`
  const hex = createHash('sha256').update(bytes).digest('hex')
  return { zipName, zip: bytes, shasums: `${hex} *${zipName}\n` }
}

export interface Loopback {
  url: string
  /** Request paths (mirror) or CONNECT targets (proxy), in order. */
  seen: string[]
  close(): Promise<void>
}

/** Serves `files` (by path under the mirror, e.g. `v45.4.1/SHASUMS256.txt`); 404 for anything else. */
export function startMirror(files: Record<string, Buffer | string>): Promise<Loopback> {
  const seen: string[] = []
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').slice(1)
    seen.push(path)
    const body = files[path]
    response.statusCode = body === undefined ? 404 : 200
    response.end(body)
  })
  return listen(server, seen)
}

/** An HTTP proxy that tunnels CONNECT requests, as undici's proxy agent sends them. */
export function startProxy(): Promise<Loopback> {
  const seen: string[] = []
  const tunnels = new Set<Socket>()
  const server = createServer((_request, response) => {
    response.statusCode = 405
    response.end()
  })
  server.on('connect', (request, client: Socket, head: Buffer) => {
    seen.push(request.url ?? '')
    const [host, port] = (request.url ?? '').split(':')
    const upstream = connect(Number(port), host ?? '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client).pipe(upstream)
    })
    for (const socket of [client, upstream]) {
      tunnels.add(socket)
      socket.on('error', () => socket.destroy())
      socket.on('close', () => tunnels.delete(socket))
    }
  })
  return listen(server, seen, () => tunnels.forEach((socket) => socket.destroy()))
}

async function listen(server: Server, seen: string[], onClose = () => {}): Promise<Loopback> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no TCP address')
  return {
    url: `http://127.0.0.1:${address.port}/`,
    seen,
    close: () => {
      onClose()
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}

/** A temp copy of this project (see the file comment); `out/` is the repo's, when built. */
export async function tempProject(): Promise<string> {
  const project = await mkdtemp(join(tmpdir(), 'corroborate-ensure-electron-'))
  const modules = join(project, 'node_modules')
  await copyFile(join(ROOT, 'package.json'), join(project, 'package.json'))
  await symlink(join(ROOT, 'scripts'), join(project, 'scripts'))
  await symlink(join(ROOT, 'out'), join(project, 'out'))
  await mkdir(join(modules, '.bin'), { recursive: true })
  for (const name of await readdir(join(ROOT, 'node_modules'))) {
    if (name.startsWith('.') || name === 'electron' || name === 'electron-vite') continue
    await symlink(join(ROOT, 'node_modules', name), join(modules, name))
  }
  // electron's own nested node_modules holds only type declarations.
  await cp(join(ROOT, 'node_modules', 'electron'), join(modules, 'electron'), {
    recursive: true,
    filter: (source) => !source.includes(join('electron', 'node_modules')),
  })
  await cp(join(ROOT, 'node_modules', 'electron-vite'), join(modules, 'electron-vite'), { recursive: true })
  await symlink('../electron-vite/bin/electron-vite.js', join(modules, '.bin', 'electron-vite'))
  return project
}

/**
 * This process's environment without anything that would steer the download elsewhere (electron
 * and proxy variables, npm config from the caller or the user's .npmrc), plus `extra`.
 */
export async function isolatedEnv(
  scratch: string,
  extra: Record<string, string>,
): Promise<NodeJS.ProcessEnv> {
  const kept = Object.entries(process.env).filter(([key]) => !/electron|proxy|^npm_/i.test(key))
  const userConfig = join(scratch, 'npmrc')
  await writeFile(userConfig, '')
  return {
    ...Object.fromEntries(kept),
    npm_config_userconfig: userConfig,
    npm_config_update_notifier: 'false',
    ...extra,
  }
}

/** Runs npm in `cwd` (asynchronously: the loopback servers live in this process). */
export function runNpm(
  cwd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, output }))
  })
}

/** Where electron's installer puts the binary in the project. */
export function installedBinary(project: string): string {
  return join(project, 'node_modules', 'electron', 'dist', STAND_IN_BINARY)
}

/** What the stand-in at `binary` recorded when launched: its working folder and arguments. */
export async function launchRecord(binary: string): Promise<{ cwd: string; args: string[] }> {
  const lines = (await readFile(join(dirname(binary), STAND_IN_RECORD), 'utf8')).split('\n')
  return {
    cwd: lines.find((line) => line.startsWith('cwd='))?.slice(4) ?? '',
    args: lines.filter((line) => line.startsWith('arg=')).map((line) => line.slice(4)),
  }
}
