/**
 * Packs the app for real, offline: electron-builder's `--dir` target for Linux x64, given a stand-in
 * Electron (a fake binary carrying a real fuse wire, as electron-builder cannot download one here),
 * then checks what came out: app.asar holds the built app, the sample seeds, the CSL styles and the
 * production dependencies, and nothing else of the repository; the fuses were flipped as configured;
 * every native module (`.node` file) that ships is listed by platform, and none ships unless allowed
 * (package-checks/native-modules.ts); the licence list names exactly what ships, and citeproc-js's
 * source and licences are there (package-checks/licences-in-package.ts).
 *
 *   npm run build && npm run verify:package
 *
 * Linux only (the stand-in is a Linux-shaped Electron folder). Exits non-zero on any failed check.
 */
import { existsSync } from 'node:fs'
import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, sep } from 'node:path'
import { extractFile, listPackage } from '@electron/asar'
import electronFuses from '@electron/fuses'
import { Arch, build, Platform } from 'electron-builder'
import { LICENCES_FILE, type LicenceReport } from '../src/shared/licences'
import { productionPackageDirs, readManifest } from './licences/shipped-packages'
import {
  licenceListProblems,
  PACKAGE_MANIFEST,
  requiredLicenceFiles,
  type PackageId,
} from './package-checks/licences-in-package'
import {
  ALLOWED_NATIVE,
  describeNativeFiles,
  disallowedNativeFiles,
  TARGETS,
  targetsOffered,
} from './package-checks/native-modules'

const ROOT = join(import.meta.dirname, '..')
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
// @electron/fuses is CommonJS; its wire states are the characters '0' and '1'.
const { FuseV1Options, getCurrentFuseWire } = electronFuses
const FuseState = { DISABLE: 0x30, ENABLE: 0x31 } as const
type FuseOption = (typeof FuseV1Options)[keyof typeof FuseV1Options]

/** An "Electron" whose fuse wire is Electron's defaults, so flipping shows up when read back. */
async function fakeElectronDist(dir: string): Promise<void> {
  await mkdir(join(dir, 'resources'), { recursive: true })
  const defaults = [1, 0, 1, 1, 0, 0, 0, 1].map((on) => (on ? FuseState.ENABLE : FuseState.DISABLE))
  const wire = Buffer.from([...Buffer.from(SENTINEL), 1, defaults.length, ...defaults])
  const binary = Buffer.concat([Buffer.from('#!/bin/sh\necho stand-in electron\n'), wire, Buffer.alloc(64)])
  await writeFile(join(dir, 'electron'), binary)
  await chmod(join(dir, 'electron'), 0o755)
  await writeFile(join(dir, 'LICENSE'), 'stand-in')
  await writeFile(
    join(dir, 'version'),
    JSON.parse(await readFile(join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version,
  )
}

/** Walks `dependencies` from the app's package.json through app.asar as Node would resolve them. */
function missingDependencies(asar: string, entries: Set<string>): string[] {
  const readJson = (path: string) => JSON.parse(extractFile(asar, path.slice(1)).toString('utf8'))
  const missing = new Set<string>()
  const seen = new Set<string>()
  const queue: string[] = ['']
  while (queue.length > 0) {
    const dir = queue.shift() ?? ''
    const manifest = readJson(`${dir}/package.json`) as {
      dependencies?: Record<string, string>
      optionalDependencies?: Record<string, string>
    }
    const optional = new Set(Object.keys(manifest.optionalDependencies ?? {}))
    for (const name of Object.keys(manifest.dependencies ?? {})) {
      let found: string | null = null
      for (let at = dir; ; at = at.slice(0, Math.max(0, at.lastIndexOf('/node_modules')))) {
        if (entries.has(`${at}/node_modules/${name}/package.json`)) {
          found = `${at}/node_modules/${name}`
          break
        }
        if (at === '') break
      }
      if (!found) {
        if (!optional.has(name)) missing.add(name)
      } else if (!seen.has(found)) {
        seen.add(found)
        queue.push(found)
      }
    }
  }
  return [...missing]
}

const failures: string[] = []
function check(ok: boolean, what: string): void {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`)
  if (!ok) failures.push(what)
}

const readAsarJson = (asar: string, path: string): unknown =>
  JSON.parse(extractFile(asar, path.replace(/^\//, '')).toString('utf8'))

/** Every .node file in app.asar and app.asar.unpacked, listed by target; none may ship unless allowed. */
async function checkNativeModules(appDir: string, asar: string, entries: string[]): Promise<void> {
  const unpackedDir = join(appDir, 'resources', 'app.asar.unpacked')
  const unpacked = existsSync(unpackedDir)
    ? (await readdir(unpackedDir, { recursive: true })).map((p) => `/${p.split(sep).join('/')}`)
    : []
  // app.asar lists its unpacked files too (electron-builder unpacks .node files): count each once.
  const native = describeNativeFiles([
    ...entries.filter((e) => !unpacked.includes(e)).map((e) => `app.asar${e}`),
    ...unpacked.map((e) => `app.asar.unpacked${e}`),
  ])
  console.log(`native modules that ship: ${native.length === 0 ? 'none' : native.length}`)
  for (const target of [...TARGETS, null]) {
    const files = native.filter((file) => file.target === target)
    if (files.length > 0)
      console.log(`  ${target ?? 'platform not in the name'}: ${files.map((f) => f.path).join(', ')}`)
  }
  const disallowed = disallowedNativeFiles(native)
  check(
    disallowed.length === 0,
    `no native module ships that is not allowed (ALLOWED_NATIVE)${disallowed.length ? `: ${disallowed.map((f) => f.path).join(', ')}` : ''}`,
  )
  for (const base of new Set(native.map((file) => file.base))) {
    if (ALLOWED_NATIVE[base] === undefined) continue
    const manifest = readAsarJson(asar, `/node_modules/${base}/package.json`) as {
      optionalDependencies?: Record<string, string>
    }
    const offered = targetsOffered(manifest.optionalDependencies)
    check(
      offered.length === TARGETS.length,
      `${base} offers binaries for every target (it has ${offered.join(', ')})`,
    )
  }
  // Installed here (npm fetched only this machine's binaries): what each native package offers.
  for (const dir of productionPackageDirs(ROOT)) {
    const manifest = readManifest(dir)
    const offered = targetsOffered(manifest.optionalDependencies)
    if (offered.length === 0) continue
    const ships = entries.includes(`/node_modules/${manifest.name}/package.json`)
    const missing = TARGETS.filter((t) => !offered.includes(t))
    console.log(
      `  installed native package ${manifest.name}: prebuilt for ${offered.join(', ')}${missing.length ? `; none for ${missing.join(', ')}` : ''}; ${ships ? 'SHIPS' : 'left out of the package'}`,
    )
  }
}

/** The licence list and citeproc-js's source are in app.asar, and the list names what ships. */
async function checkLicences(asar: string, entries: string[]): Promise<void> {
  const listPath = `/out/renderer/${LICENCES_FILE}`
  const report = entries.includes(listPath) ? (readAsarJson(asar, listPath) as LicenceReport) : null
  for (const file of requiredLicenceFiles(report)) check(entries.includes(file), `app.asar has ${file}`)
  if (!report) return
  const citeproc = '/out/renderer/licences/citeproc/citeproc_commonjs.js'
  if (entries.includes(citeproc)) {
    const original = await readFile(join(ROOT, 'node_modules', 'citeproc', 'citeproc_commonjs.js'))
    check(
      extractFile(asar, citeproc.slice(1)).equals(original),
      "citeproc-js's source in the package is its published, unminified file",
    )
  }
  const shipped = entries
    .filter((entry) => PACKAGE_MANIFEST.test(entry))
    .map((entry) => readAsarJson(asar, entry) as Partial<PackageId>)
    .filter((m): m is PackageId => typeof m.name === 'string' && typeof m.version === 'string')
  const problems = licenceListProblems(report, shipped)
  check(
    problems.length === 0,
    `the licence list names the ${shipped.length} packages in node_modules and no others, each with its licence${problems.length ? `: ${problems.slice(0, 8).join('; ')}` : ''}`,
  )
  const styles = entries
    .filter((e) => /^\/resources\/csl\/[^/]+\.(csl|xml)$/.test(e))
    .map((e) => e.split('/').pop())
  const credited = new Set(report.csl.files.map((f) => f.file))
  check(
    styles.length > 0 && styles.every((file) => credited.has(file!)),
    `the licence list credits every CSL file that ships (${styles.join(', ')})`,
  )
}

async function main(): Promise<void> {
  if (process.platform !== 'linux')
    throw new Error('verify:package packs for Linux with a stand-in Electron: run it on Linux.')
  if (!existsSync(join(ROOT, 'out', 'main', 'index.js')))
    throw new Error('out/ is missing: run `npm run build` first.')
  // electron-builder's dependency walk cannot follow a symlinked node_modules and packs an app without them.
  if ((await lstat(join(ROOT, 'node_modules'))).isSymbolicLink())
    throw new Error(
      'node_modules is a symlink: electron-builder would miss dependencies. Use a real node_modules.',
    )
  const work = await mkdtemp(join(tmpdir(), 'corroborate-pack-'))
  try {
    const electronDist = join(work, 'electron-dist')
    await fakeElectronDist(electronDist)
    const started = Date.now()
    await build({
      projectDir: ROOT,
      targets: Platform.LINUX.createTarget('dir', Arch.x64),
      config: { electronDist, directories: { output: join(work, 'dist') } },
    })
    const appDir = join(work, 'dist', 'linux-unpacked')
    console.log(`packed in ${((Date.now() - started) / 1000).toFixed(1)} s`)

    const asar = join(appDir, 'resources', 'app.asar')
    const entries = listPackage(asar, { isPack: false }).map((e) => e.split('\\').join('/'))
    const own = entries.filter((e) => !e.startsWith('/node_modules/'))
    console.log(
      `app.asar: ${((await stat(asar)).size / 1e6).toFixed(1)} MB, ${entries.length} entries, ${own.length} outside node_modules`,
    )

    for (const required of [
      '/package.json',
      '/out/main/index.js',
      '/out/main/import-worker.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
    ])
      check(entries.includes(required), `app.asar has ${required}`)
    check(
      own.some((e) => e.startsWith('/resources/sample/') && e.endsWith('.txt')) ||
        own.some((e) => e.startsWith('/resources/sample/')),
      'app.asar has the sample seeds',
    )
    check(
      own.some((e) => e.startsWith('/resources/csl/') && e.endsWith('.csl')),
      'app.asar has the CSL styles',
    )
    check(entries.includes('/node_modules/zod/package.json'), 'app.asar has the production dependencies')
    for (const dir of [
      '/src',
      '/e2e',
      '/test-fixtures',
      '/docs',
      '/bench',
      '/scripts',
      '/resources/icons',
      '/test-support',
    ])
      check(!own.some((e) => e === dir || e.startsWith(`${dir}/`)), `app.asar has nothing under ${dir}`)
    check(!own.some((e) => /\.(test|spec)\.[cm]?[jt]sx?$/.test(e)), 'app.asar has no test files of ours')
    check(!own.some((e) => e.endsWith('.map')), 'app.asar has no source maps of ours')
    check(
      !entries.some((e) => e.startsWith('/node_modules/electron/')),
      'app.asar does not carry the electron package',
    )
    const stray = own.filter(
      (e) => !/^\/(package\.json|node_modules|out|resources|resources\/(sample|csl))(\/|$)/.test(e),
    )
    check(
      stray.length === 0,
      `app.asar has nothing else of the repository${stray.length ? `: ${stray.slice(0, 5).join(', ')}` : ''}`,
    )

    const missing = missingDependencies(asar, new Set(entries))
    check(
      missing.length === 0,
      `app.asar has every production dependency, transitively${missing.length ? `: missing ${missing.slice(0, 8).join(', ')}` : ''}`,
    )

    await checkNativeModules(appDir, asar, entries)
    await checkLicences(asar, entries)

    const fuses = await getCurrentFuseWire(join(appDir, 'corroborate'))
    const expected: [FuseOption, number][] = [
      [FuseV1Options.RunAsNode, FuseState.DISABLE],
      [FuseV1Options.EnableCookieEncryption, FuseState.ENABLE],
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable, FuseState.DISABLE],
      [FuseV1Options.EnableNodeCliInspectArguments, FuseState.DISABLE],
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation, FuseState.ENABLE],
      [FuseV1Options.OnlyLoadAppFromAsar, FuseState.ENABLE],
      [FuseV1Options.GrantFileProtocolExtraPrivileges, FuseState.DISABLE],
    ]
    for (const [fuse, state] of expected)
      check(
        (fuses as Record<number, unknown>)[fuse] === state,
        `fuse ${String(FuseV1Options[fuse])} is ${state === FuseState.ENABLE ? 'on' : 'off'}`,
      )
  } finally {
    await rm(work, { recursive: true, force: true })
  }
  if (failures.length > 0) {
    console.error(`\n${failures.length} check(s) failed`)
    process.exit(1)
  }
  console.log('\npackage verified')
}

await main()
