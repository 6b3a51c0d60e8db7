/**
 * `npm start` on a fresh clone, without internet: the `prestart` step downloads a stand-in Electron
 * from a loopback mirror (ELECTRON_MIRROR, checksums from the mirror, a temp cache), electron-vite
 * launches it on the project root, and a failed download prints one message saying how to fix it.
 * Runs npm itself, in a temp copy of the project (see ensure-electron-fixture.ts).
 */
import { existsSync } from 'node:fs'
import { readFile, realpath, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  ELECTRON_VERSION,
  installedBinary,
  isolatedEnv,
  launchRecord,
  ROOT,
  runNpm,
  STAND_IN_BINARY,
  standInRelease,
  startMirror,
  startProxy,
  tempProject,
  type Loopback,
  writeStandIn,
  type StandInRelease,
} from './ensure-electron-fixture'

// Spawns npm, node and electron-vite, each starting tsx or vite: generous on a busy machine.
const SPAWNS = 240_000
const V = `v${ELECTRON_VERSION}`

describe.skipIf(process.platform === 'win32')('npm start gets Electron (stand-in is a shell script)', () => {
  let project: string
  let release: StandInRelease
  const servers: Loopback[] = []

  beforeEach(async () => {
    project = await tempProject()
    release = await standInRelease()
  })
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()))
    await rm(project, { recursive: true, force: true })
  })

  async function mirrorOf(files: Record<string, Buffer | string>): Promise<Loopback> {
    const mirror = await startMirror(files)
    servers.push(mirror)
    return mirror
  }
  const goodMirror = () =>
    mirrorOf({ [`${V}/${release.zipName}`]: release.zip, [`${V}/SHASUMS256.txt`]: release.shasums })
  const envFor = (mirror: string, extra: Record<string, string> = {}) =>
    isolatedEnv(project, {
      ELECTRON_MIRROR: mirror,
      electron_use_remote_checksums: '1',
      electron_config_cache: join(project, 'electron-cache'),
      ...extra,
    })
  const pathTxt = () => join(project, 'node_modules', 'electron', 'path.txt')

  it(
    'prestart downloads Electron from the mirror, checks its SHASUMS256.txt, writes path.txt; then skips',
    async () => {
      const mirror = await goodMirror()
      const env = await envFor(mirror.url)
      const first = await runNpm(project, ['run', 'prestart'], env)
      expect(first.code, first.output).toBe(0)
      expect(mirror.seen).toEqual([`${V}/${release.zipName}`, `${V}/SHASUMS256.txt`])
      expect(await readFile(pathTxt(), 'utf8')).toBe(STAND_IN_BINARY)

      const again = await runNpm(project, ['run', 'prestart'], env)
      expect(again.code, again.output).toBe(0)
      expect(mirror.seen).toHaveLength(2)
    },
    SPAWNS,
  )

  it(
    '`npm start` downloads it, then electron-vite launches it with the project root as the app; then skips',
    async (context) => {
      context.skip(!existsSync(join(ROOT, 'out', 'main', 'index.js')), 'needs the built app: `npm run build`')
      const mirror = await goodMirror()
      const started = await runNpm(project, ['start', '--', '--skipBuild'], await envFor(mirror.url))
      expect(started.code, started.output).toBe(0)
      expect(mirror.seen).toContain(`${V}/${release.zipName}`)
      const launched = await launchRecord(installedBinary(project))
      expect(launched.args[0], 'the app argument').toBeDefined()
      expect(resolve(launched.cwd, launched.args[0] ?? '')).toBe(await realpath(project))

      // Again, as README says for Linux without a usable sandbox: nothing downloaded, --no-sandbox.
      const env = await envFor(mirror.url, { NO_SANDBOX: '1' })
      const again = await runNpm(project, ['start', '--', '--skipBuild'], env)
      expect(again.code, again.output).toBe(0)
      expect(mirror.seen).toHaveLength(2)
      expect((await launchRecord(installedBinary(project))).args).toContain('--no-sandbox')
    },
    SPAWNS,
  )

  it(
    '`npm start` with ELECTRON_EXEC_PATH launches that Electron and downloads nothing',
    async (context) => {
      context.skip(!existsSync(join(ROOT, 'out', 'main', 'index.js')), 'needs the built app: `npm run build`')
      const mirror = await goodMirror()
      const own = join(project, 'own-electron', 'electron')
      await writeStandIn(own)
      const env = await envFor(mirror.url, { ELECTRON_EXEC_PATH: own })
      const started = await runNpm(project, ['start', '--', '--skipBuild'], env)
      expect(started.code, started.output).toBe(0)
      expect(mirror.seen).toEqual([])
      expect(existsSync(pathTxt())).toBe(false)
      const launched = await launchRecord(own)
      expect(resolve(launched.cwd, launched.args[0] ?? '')).toBe(await realpath(project))
    },
    SPAWNS,
  )

  it(
    'a proxy given to npm (`npm config set proxy …`) carries the download',
    async () => {
      const mirror = await goodMirror()
      const proxy = await startProxy()
      servers.push(proxy)
      const env = await envFor(mirror.url, { npm_config_proxy: proxy.url })
      const result = await runNpm(project, ['run', 'prestart'], env)
      expect(result.code, result.output).toBe(0)
      expect(proxy.seen).toContain(new URL(mirror.url).host)
      expect(existsSync(pathTxt())).toBe(true)
    },
    SPAWNS,
  )

  const failures: { name: string; serve: () => Promise<string>; says: RegExp }[] = [
    { name: 'answers 404', serve: async () => (await mirrorOf({})).url, says: /404/ },
    {
      name: 'refuses connections',
      serve: async () => {
        const closed = await startMirror({})
        await closed.close()
        return closed.url
      },
      says: /fetch failed/,
    },
    {
      name: 'serves a zip that does not match SHASUMS256.txt',
      serve: async () => {
        const wrong = `${'0'.repeat(64)} *${release.zipName}\n`
        return (await mirrorOf({ [`${V}/${release.zipName}`]: release.zip, [`${V}/SHASUMS256.txt`]: wrong }))
          .url
      },
      says: /did not match expected checksum/,
    },
  ]
  it.each(failures)(
    'a mirror that $name: one message saying what failed and how to fix it, no stack trace',
    async ({ serve, says }) => {
      const mirror = await serve()
      const result = await runNpm(project, ['run', 'prestart'], await envFor(mirror))
      expect(result.code).not.toBe(0)
      expect(result.output).toContain(`Could not get Electron ${ELECTRON_VERSION}`)
      expect(result.output).toContain(`Downloading from ${mirror} failed`)
      expect(result.output).toMatch(says)
      expect(result.output).toMatch(/ELECTRON_MIRROR=\S+ npm start/)
      expect(result.output).toContain('HTTPS_PROXY')
      expect(result.output, 'no stack trace').not.toMatch(/^\s+at /m)
      expect(existsSync(pathTxt())).toBe(false)
    },
    SPAWNS,
  )
})
