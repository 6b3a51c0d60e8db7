/**
 * The packaging config as electron-builder itself resolves and validates it (offline: building an
 * installer needs Electron's download). scripts/verify-package.ts checks a real pack on top.
 */
import { readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative, sep } from 'node:path'
import { minimatch } from 'minimatch'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Configuration } from 'electron-builder'
import { PACKAGED_FILES } from '../../../electron-builder'

const ROOT = join(import.meta.dirname, '..', '..', '..')
const require = createRequire(import.meta.url)
const builderConfig = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string): Promise<Configuration>
  validateConfiguration(config: Configuration, logger: unknown): Promise<void>
}
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }

let config: Configuration
beforeAll(async () => {
  config = await builderConfig.getConfig(ROOT)
})

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
  it('is found and accepted by electron-builder', async () => {
    await expect(builderConfig.validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
    expect(config.appId).toBe('org.corroborate.desktop')
    expect(config.productName).toBe('Corroborate')
    expect(config.files).toMatchObject([{ filter: PACKAGED_FILES }])
  })

  it('builds NSIS on Windows, dmg for x64 and arm64 on macOS, AppImage and deb on Linux', () => {
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }])
    expect(config.mac?.target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }])
    expect(config.linux?.target).toEqual([
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
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
    })
    expect(config.asar).toBe(true)
  })

  it('has an icon for every platform, from files that exist', () => {
    const files = new Set(repositoryFiles())
    expect(files.has(String(config.win?.icon))).toBe(true)
    expect(files.has(String(config.mac?.icon))).toBe(true)
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024])
      expect(files.has(`${config.linux?.icon}/${size}x${size}.png`)).toBe(true)
  })

  it('opens .corroborate archives with the app', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'corroborate' })])
  })
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
