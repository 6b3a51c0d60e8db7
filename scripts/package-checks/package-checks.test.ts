/**
 * The rules verify:package applies to a packed app (which it checks for real with
 * `npm run build && npm run verify:package`): native files are told apart by target and refused
 * unless allowed; the licence list must name exactly the packages in node_modules.
 */
import { describe, expect, it } from 'vitest'
import type { LicenceReport, ShippedPackage } from '../../src/shared/licences'
import { licenceListProblems, PACKAGE_MANIFEST } from './licences-in-package'
import {
  basePackage,
  describeNativeFiles,
  disallowedNativeFiles,
  packageOf,
  targetOf,
  targetsOffered,
  TARGETS,
} from './native-modules'

describe('native modules', () => {
  it('reads the target from a binary’s or a platform package’s name', () => {
    expect(targetOf('skia.linux-x64-gnu.node')).toBe('linux-x64')
    expect(targetOf('canvas-darwin-arm64')).toBe('darwin-arm64')
    expect(targetOf('nice.win32-arm64-msvc.node')).toBe('win32-arm64')
    expect(targetOf('canvas-linux-riscv64-gnu')).toBeNull()
    expect(targetOf('binding.node')).toBeNull()
  })

  it('finds the package a file lies in and the package a platform binary belongs to', () => {
    expect(packageOf('app.asar.unpacked/node_modules/@napi-rs/canvas-linux-x64-gnu/skia.node')).toBe(
      '@napi-rs/canvas-linux-x64-gnu',
    )
    expect(packageOf('app.asar/node_modules/a/node_modules/b/build/b.node')).toBe('b')
    expect(basePackage('@napi-rs/canvas-linux-x64-gnu')).toBe('@napi-rs/canvas')
    expect(basePackage('@napi-rs/nice-win32-arm64-msvc')).toBe('@napi-rs/nice')
    expect(basePackage('better-sqlite3')).toBe('better-sqlite3')
  })

  it('refuses any .node file not in the allow-list, wherever it lies', () => {
    const files = describeNativeFiles([
      'app.asar/node_modules/zod/package.json',
      'app.asar.unpacked/node_modules/@napi-rs/canvas-linux-x64-gnu/skia.linux-x64-gnu.node',
      'app.asar/node_modules/some-addon/build/Release/addon.node',
    ])
    expect(files.map((f) => [f.base, f.target])).toEqual([
      ['@napi-rs/canvas', 'linux-x64'],
      ['some-addon', null],
    ])
    expect(disallowedNativeFiles(files)).toHaveLength(2)
  })

  it('tells which targets a native package offers binaries for (musl builds do not count)', () => {
    const all = Object.fromEntries(TARGETS.map((t) => [`@x/y-${t}`, '1']))
    expect(targetsOffered(all)).toEqual([...TARGETS])
    expect(targetsOffered({ '@x/y-linux-x64-musl': '1', '@x/y-darwin-arm64': '1' })).toEqual(['darwin-arm64'])
    expect(targetsOffered(undefined)).toEqual([])
  })
})

describe('the licence list against the package', () => {
  const pkg = (name: string, shippedAs: ShippedPackage['shippedAs']): ShippedPackage => ({
    name,
    version: '1.0.0',
    licence: 'MIT',
    shippedAs,
    url: '',
    texts: [{ file: 'LICENSE', text: 'MIT' }],
  })
  const report = (packages: ShippedPackage[]): LicenceReport => ({
    app: { name: 'corroborate', version: '0.1.0', licence: 'MIT' },
    packages,
    sourceOffers: [
      { name: 'citeproc-js', version: '2', licence: 'CPAL-1.0', files: [], upstream: '', notice: '' },
    ],
    csl: { project: '', projectUrl: '', files: [] },
  })

  it('passes when the list names exactly what node_modules holds (bundled-only entries aside)', () => {
    const list = report([
      pkg('a', ['node_modules']),
      pkg('b', ['bundled', 'node_modules']),
      pkg('c', ['bundled']),
    ])
    expect(
      licenceListProblems(list, [
        { name: 'a', version: '1.0.0' },
        { name: 'b', version: '1.0.0' },
      ]),
    ).toEqual([])
  })

  it('names what ships unlisted, what is listed but absent, and entries with no licence', () => {
    const unlicensed = { ...pkg('d', ['node_modules']), licence: '', texts: [] }
    const problems = licenceListProblems(report([pkg('a', ['node_modules']), unlicensed]), [
      { name: 'd', version: '1.0.0' },
      { name: '@napi-rs/canvas', version: '1.0.0' },
    ])
    expect(problems).toEqual([
      '@napi-rs/canvas@1.0.0 ships in node_modules but is not in the licence list',
      'a@1.0.0 is listed as in node_modules but is not in the package',
      'd@1.0.0 declares no licence',
      'd@1.0.0 has no licence text',
    ])
  })

  it('recognises a package’s own manifest in app.asar, not a nested one', () => {
    expect(PACKAGE_MANIFEST.test('/node_modules/zod/package.json')).toBe(true)
    expect(PACKAGE_MANIFEST.test('/node_modules/a/node_modules/@s/b/package.json')).toBe(true)
    expect(PACKAGE_MANIFEST.test('/node_modules/zod/v4/package.json')).toBe(false)
    expect(PACKAGE_MANIFEST.test('/package.json')).toBe(false)
  })
})
