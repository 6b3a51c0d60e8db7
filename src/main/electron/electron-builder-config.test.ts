/**
 * The packaging config as electron-builder itself resolves and validates it (offline: building an
 * installer needs Electron's download). scripts/verify-package.ts checks a real pack on top.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative, sep } from 'node:path'
import { minimatch } from 'minimatch'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Configuration } from 'electron-builder'
import type * as AppBuilderLib from 'app-builder-lib'
import { PACKAGED_FILES } from '../../../electron-builder'
import { APP_ID, ARCHIVE_MIME_TYPE } from './app-id'

const ROOT = join(import.meta.dirname, '..', '..', '..')
const require = createRequire(import.meta.url)
const builderConfig = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string): Promise<Configuration>
  validateConfiguration(config: Configuration, logger: unknown): Promise<void>
}
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }

/**
 * The .desktop file and shared-mime-info entry the deb and AppImage install, as electron-builder's own
 * LinuxTargetHelper writes them from this project's config (the same steps as a Linux build, without
 * the packaging tools a real deb needs from the network).
 */
async function linuxDesktopIntegration(): Promise<{ entry: string; fileName: string; mimeXml: string }> {
  const { Packager, Platform, Arch } = require('app-builder-lib') as typeof AppBuilderLib
  const { AppInfo } = require('app-builder-lib/out/appInfo') as {
    AppInfo: new (packager: unknown, version: null) => unknown
  }
  const { LinuxPackager } = require('app-builder-lib/out/linuxPackager') as {
    LinuxPackager: new (packager: unknown) => { platformSpecificBuildOptions: unknown }
  }
  const { LinuxTargetHelper } = require('app-builder-lib/out/targets/LinuxTargetHelper') as {
    LinuxTargetHelper: new (packager: unknown) => {
      computeDesktopEntry(options: unknown): Promise<string>
      getDesktopFileName(): string
      mimeTypeFiles: Promise<string | null>
    }
  }
  const packager = new Packager({ projectDir: ROOT, targets: Platform.LINUX.createTarget('deb', Arch.x64) })
  const internals = packager as unknown as { validateConfig(): Promise<void>; _appInfo: unknown }
  await internals.validateConfig()
  internals._appInfo = new AppInfo(packager, null)
  try {
    const linux = new LinuxPackager(packager)
    const helper = new LinuxTargetHelper(linux)
    const mimeFile = await helper.mimeTypeFiles
    return {
      entry: await helper.computeDesktopEntry(linux.platformSpecificBuildOptions),
      fileName: helper.getDesktopFileName(),
      mimeXml: mimeFile ? readFileSync(mimeFile, 'utf8') : '',
    }
  } finally {
    await packager.tempDirManager.cleanup()
  }
}

let config: Configuration
// Loading electron-builder and compiling the TypeScript config takes seconds on a busy machine.
const LOADING = 120_000

beforeAll(async () => {
  config = await builderConfig.getConfig(ROOT)
}, LOADING)

/** electron-builder's `files` rule: the last pattern that matches a path decides. */
function isPackaged(path: string): boolean {
  let included = false
  for (const pattern of PACKAGED_FILES) {
    const negated = pattern.startsWith('!')
    if (minimatch(path, negated ? pattern.slice(1) : pattern, { dot: true })) included = !negated
  }
  return included
}

function repositoryFiles(dir = ROOT): string[] {
  const skip = new Set(['node_modules', '.git', 'dist', 'test-results', 'playwright-report'])
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (skip.has(entry.name)) return []
    const path = join(dir, entry.name)
    return entry.isDirectory() ? repositoryFiles(path) : [relative(ROOT, path).split(sep).join('/')]
  })
}

describe('the electron-builder config', () => {
  it(
    'is found and accepted by electron-builder',
    async () => {
      await expect(
        builderConfig.validateConfiguration(config, new DebugLogger(false)),
      ).resolves.toBeUndefined()
      expect(config.appId).toBe('org.corroborate.desktop')
      // The id the app gives itself on Windows (app.setAppUserModelId) is the installer's.
      expect(config.appId).toBe(APP_ID)
      expect(config.productName).toBe('Corroborate')
      expect(config.files).toMatchObject([{ filter: PACKAGED_FILES }])
    },
    LOADING,
  )

  it('builds NSIS on Windows, dmg for x64 and arm64 on macOS, the deb first and an AppImage on Linux', () => {
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }])
    expect(config.mac?.target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }])
    expect(config.linux?.target).toEqual([
      { target: 'deb', arch: ['x64'] },
      { target: 'AppImage', arch: ['x64'] },
    ])
    expect(config.publish).toBeNull()
  })

  it('sets every fuse the security checklist asks for', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      // Else an unsigned arm64 macOS build, its binary changed by the fuses, is killed at launch.
      resetAdHocDarwinSignature: true,
    })
    expect(config.asar).toBe(true)
  })

  it('never forces ad hoc signing over a real macOS certificate', () => {
    expect(config.mac?.identity).toBeUndefined()
  })

  it('has an icon for every platform, from files that exist', () => {
    const files = new Set(repositoryFiles())
    expect(files.has(String(config.win?.icon))).toBe(true)
    expect(files.has(String(config.mac?.icon))).toBe(true)
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024])
      expect(files.has(`${config.linux?.icon}/${size}x${size}.png`)).toBe(true)
  })

  it('opens .corroborate archives with the app, with a MIME type for Linux', () => {
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'corroborate', mimeType: 'application/x-corroborate' }),
    ])
  })

  it(
    'installs a Linux desktop entry that matches the window, takes URIs and opens archives',
    async () => {
      const { entry, fileName, mimeXml } = await linuxDesktopIntegration()
      const fields = new Map(
        entry
          .split('\n')
          .filter((line) => line.includes('='))
          .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
      )
      // Exec ends in %U: a file manager passes the opened files as URIs (file://…), which launch-args.ts reads.
      expect(fields.get('Exec')).toMatch(/^\/opt\/Corroborate\/corroborate %U$/)
      expect(fields.get('MimeType')).toBe(`${ARCHIVE_MIME_TYPE};`)
      // Electron's app_id comes from desktopName (written into the packaged package.json); the file,
      // StartupWMClass and app_id must agree for the shell to put the window under the app's icon.
      expect(config.extraMetadata).toMatchObject({ desktopName: 'corroborate.desktop' })
      expect(fileName).toBe('corroborate')
      expect(fields.get('StartupWMClass')).toBe('corroborate')
      expect(mimeXml).toContain(`<mime-type type="${ARCHIVE_MIME_TYPE}">`)
      expect(mimeXml).toContain('<glob pattern="*.corroborate"/>')
    },
    LOADING,
  )
})

describe('what of the repository goes into the package', () => {
  const files = repositoryFiles()

  it('leaves out sources, tests, fixtures, docs, benchmarks and build resources', () => {
    const leaked = files.filter(isPackaged).filter((f) => !f.startsWith('out/') || /\.(test|spec)\./.test(f))
    const allowed = (f: string) =>
      f === 'package.json' || f.startsWith('resources/sample/') || f.startsWith('resources/csl/')
    expect(leaked.filter((f) => !allowed(f))).toEqual([])
    for (const dir of ['src/', 'e2e/', 'test-fixtures/', 'docs/', 'bench/', 'scripts/', 'resources/icons/'])
      expect(files.filter((f) => f.startsWith(dir)).some(isPackaged), dir).toBe(false)
  })

  it('takes the built app, the sample seeds and the CSL styles', () => {
    expect(isPackaged('out/main/index.js')).toBe(true)
    expect(isPackaged('out/preload/index.cjs')).toBe(true)
    expect(isPackaged('out/renderer/index.html')).toBe(true)
    expect(isPackaged('out/renderer/assets/index-abc.js')).toBe(true)
    expect(isPackaged('out/renderer/assets/index-abc.js.map')).toBe(false)
    const seeds = files.filter((f) => f.startsWith('resources/sample/'))
    const styles = files.filter((f) => f.startsWith('resources/csl/'))
    expect(seeds.length).toBeGreaterThan(0)
    expect(styles.length).toBeGreaterThan(0)
    expect([...seeds, ...styles].every(isPackaged)).toBe(true)
  })
})
