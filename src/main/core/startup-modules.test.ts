/**
 * compromise (seconds to load) is for the worker threads only: main's start must not load it.
 * Checked twice, both real: a child process starts a session on the sample notebook with main's
 * modules (the IPC handlers and all they import) and records every module Node resolves; and the
 * built main bundle (after `npm run build`) must not import it, while the worker's bundle does.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const REPO = fileURLToPath(new URL('../../../', import.meta.url))
const source = (path: string) => pathToFileURL(join(REPO, path)).href
const SPAWN = { timeout: 5 * 60_000 }

// Runs in Node's module-loading thread: writes down every module URL resolved.
const RECORDER = `
import { appendFileSync } from 'node:fs'
let log
export function initialize(data) { log = data.log }
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context)
  appendFileSync(log, resolved.url + '\\n')
  return resolved
}`

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corroborate-startup-'))
  await writeFile(join(dir, 'recorder.mjs'), RECORDER)
})
afterAll(() => rm(dir, { recursive: true, force: true }))

/** The module URLs a child process resolves while running `script` (an ES module body). */
async function modulesLoadedBy(name: string, script: string): Promise<string[]> {
  const log = join(dir, `${name}.log`)
  const register = join(dir, `${name}-register.mjs`)
  await writeFile(
    register,
    `import { register } from 'node:module'\n` +
      `register(${JSON.stringify(pathToFileURL(join(dir, 'recorder.mjs')).href)}, { data: { log: ${JSON.stringify(log)} } })\n`,
  )
  await writeFile(join(dir, `${name}.mts`), script)
  await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', '--import', pathToFileURL(register).href, join(dir, `${name}.mts`)],
    { cwd: REPO },
  )
  return (await readFile(log, 'utf8')).split('\n').filter(Boolean)
}

const isCompromise = (url: string) => url.includes('/node_modules/compromise/')

describe('main starts without compromise', () => {
  it('a session on the sample notebook, with the IPC handlers loaded, never loads it', SPAWN, async () => {
    const dataDir = join(dir, 'userData')
    const loaded = await modulesLoadedBy(
      'session',
      `import { NotebookSession } from ${JSON.stringify(source('src/main/core/notebook-session.ts'))}
       import { createHandlers } from ${JSON.stringify(source('src/main/api/handlers.ts'))}
       const session = await NotebookSession.start({
         dataDir: ${JSON.stringify(dataDir)},
         sampleDir: ${JSON.stringify(join(REPO, 'resources', 'sample'))},
       })
       if (session.store.data.sources.length !== 5 || typeof createHandlers !== 'function') process.exit(1)
       await session.close()`,
    )
    expect(loaded.some((url) => url.endsWith('/src/main/api/handlers.ts'))).toBe(true)
    expect(loaded.filter(isCompromise)).toEqual([])
  })

  it('the worker does load it (so the check above can see it)', SPAWN, async () => {
    const loaded = await modulesLoadedBy(
      'worker',
      `import { analyse } from ${JSON.stringify(source('src/main/core/import/import-worker.ts'))}
       if (analyse(['Officials said 3,000 troops arrived.'])[0].mentions.length === 0) process.exit(1)`,
    )
    expect(loaded.some(isCompromise)).toBe(true)
  })
})

const OUT = join(REPO, 'out', 'main')
const built = existsSync(join(OUT, 'index.js'))
if (!built) console.warn(`startup-modules.test: bundle check skipped, no build at ${OUT} (npm run build)`)

/** Every bare package a bundle file imports statically, following its own chunks. */
async function staticPackages(file: string, seen = new Set<string>()): Promise<Set<string>> {
  const packages = new Set<string>()
  if (seen.has(file)) return packages
  seen.add(file)
  const code = await readFile(file, 'utf8')
  for (const [, specifier] of code.matchAll(/^\s*import\s+(?:[^'"]*?\s+from\s+)?["']([^"']+)["']/gm)) {
    if (specifier!.startsWith('.')) {
      for (const name of await staticPackages(join(dirname(file), specifier!), seen)) packages.add(name)
    } else packages.add(specifier!)
  }
  return packages
}

describe.skipIf(!built)('the built bundles', () => {
  it('main (out/main/index.js) does not import compromise; the import worker does', async () => {
    const main = await staticPackages(join(OUT, 'index.js'))
    expect(main.has('electron')).toBe(true)
    expect(main.has('compromise')).toBe(false)
    expect((await staticPackages(join(OUT, 'import-worker.js'))).has('compromise')).toBe(true)
  })
})
