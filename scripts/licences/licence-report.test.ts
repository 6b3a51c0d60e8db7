/**
 * The licence report, generated from this repository's real dependency tree and real files: what
 * ships is listed with its licence and its own licence texts, nothing that only builds or tests the
 * app is, citeproc-js carries its CPAL source offer, and the CSL styles their CC BY-SA credit.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve, sep } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PACKAGED_FILES } from '../../electron-builder'
import { LICENCES_FILE, THIRD_PARTY_FILE, type LicenceReport } from '../../src/shared/licences'
import { cslCredit } from './csl-credits'
import { buildLicenceReport, thirdPartyText, writeLicences } from './licence-report'
import { declaredLicence, repositoryUrl } from './package-licence'
import { excludedByFilePatterns, packageDirOfModule } from './shipped-packages'

const ROOT = resolve(import.meta.dirname, '..', '..')
const require = createRequire(join(ROOT, 'package.json'))
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>
  dependencies: Record<string, string>
}
// A module the renderer bundles from a devDependency (the bundle, not node_modules, ships it).
const USE_DEBOUNCE = require.resolve('use-debounce')

let report: LicenceReport
beforeAll(() => {
  report = buildLicenceReport({
    root: ROOT,
    bundledModuleIds: [
      USE_DEBOUNCE,
      `\0${require.resolve('react')}?commonjs-proxy`,
      join(ROOT, 'src', 'x.ts'),
    ],
    excluded: excludedByFilePatterns(PACKAGED_FILES),
  })
}, 120_000) // some 170 manifests and licence files read: generous, for a busy machine
const entry = (name: string) => report.packages.find((p) => p.name === name)

describe('the licence report', () => {
  it('lists citeproc-js with its dual licence, its LICENSE file, and a CPAL source offer', () => {
    expect(entry('citeproc')).toMatchObject({ licence: 'CPAL-1.0 OR AGPL-1.0', shippedAs: ['node_modules'] })
    expect(entry('citeproc')!.texts.map((t) => t.file)).toEqual(['LICENSE'])
    expect(entry('citeproc')!.texts[0]!.text).toContain('Common Public Attribution License')
    const [offer] = report.sourceOffers
    expect(offer).toMatchObject({ name: 'citeproc-js', licence: 'CPAL-1.0' })
    expect(offer!.upstream).toBe('https://github.com/juris-m/citeproc-js')
    expect(offer!.notice).toContain('Copyright (c) 2009-2019 Frank Bennett')
    expect(offer!.notice).toContain(
      'resources/app.asar, folder out/renderer, at licences/citeproc/citeproc_commonjs.js',
    )
    expect(offer!.notice).toContain('https://github.com/juris-m/citeproc-js')
  })

  it('lists every production dependency, transitively, with its licence and its own licence text', () => {
    for (const name of Object.keys(manifest.dependencies)) expect(entry(name), name).toBeDefined()
    expect(entry('react')).toMatchObject({ licence: 'MIT', shippedAs: ['bundled', 'node_modules'] })
    expect(entry('react')!.texts[0]!.text).toMatch(/Copyright \(c\) Meta Platforms/)
    expect(entry('pdfjs-dist')?.licence).toBe('Apache-2.0')
    // Transitive: jsdom's own dependencies ship too.
    expect(entry('parse5')?.licence).toBe('MIT')
    expect(report.packages.every((p) => p.name && p.version && p.licence && p.texts.length > 0)).toBe(true)
  })

  it('leaves out what does not ship: devDependencies never bundled, and the excluded @napi-rs', () => {
    for (const name of [
      'vitest',
      'electron',
      'electron-builder',
      'typescript',
      'eslint',
      'spdx-license-list',
    ])
      expect(entry(name), name).toBeUndefined()
    expect(report.packages.filter((p) => p.name.startsWith('@napi-rs/'))).toEqual([])
    // A devDependency the renderer bundles does ship, inside the bundle.
    expect(entry('use-debounce')).toMatchObject({ licence: 'MIT', shippedAs: ['bundled'] })
  })

  it('credits the CSL project and each style’s authors under CC BY-SA 3.0', () => {
    expect(report.csl.project).toContain('CitationStyles.org')
    const chicago = report.csl.files.find((f) => f.file === 'chicago-fullnote-bibliography.csl')
    expect(chicago).toMatchObject({
      title: 'Chicago Manual of Style 18th edition (full note)',
      url: 'http://www.zotero.org/styles/chicago-fullnote-bibliography',
      licenceUrl: 'http://creativecommons.org/licenses/by-sa/3.0/',
    })
    expect(chicago!.people).toContain('Frank Bennett')
    expect(report.csl.files.map((f) => f.file)).toEqual([
      'apa.csl',
      'chicago-fullnote-bibliography.csl',
      'locales-en-US.xml',
    ])
  })

  it('renders the same report as text', () => {
    const text = thirdPartyText(report)
    expect(text).toContain('citeproc-js: source code')
    expect(text).toContain('CitationStyles.org')
    expect(text).toContain('react 19')
  })
})

describe('writing the report', () => {
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'corroborate-licences-'))
    writeLicences(report, ROOT, dir)
  }, 120_000)
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it(
    'writes licences.json, the text form, and citeproc-js’s unminified source with its licences',
    { timeout: 120_000 },
    async () => {
      expect(JSON.parse(await readFile(join(dir, LICENCES_FILE), 'utf8'))).toEqual(report)
      expect(await readFile(join(dir, THIRD_PARTY_FILE), 'utf8')).toBe(thirdPartyText(report))
      const citeproc = dirname(require.resolve('citeproc/package.json'))
      const shipped = (file: string) => readFile(join(dir, 'licences', file))
      // Byte for byte (compared as hashes: a diff of a megabyte of bytes would be slow to print).
      const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')
      for (const file of ['citeproc_commonjs.js', 'LICENSE'])
        expect(sha256(await shipped(`citeproc/${file}`)), file).toBe(
          sha256(await readFile(join(citeproc, file))),
        )
      expect((await shipped('citeproc/CPAL-1.0.txt')).toString()).toMatch(
        /^Common Public Attribution License Version 1\.0/,
      )
      expect((await shipped('citeproc/AGPL-3.0-or-later.txt')).toString()).toContain(
        'GNU AFFERO GENERAL PUBLIC LICENSE',
      )
      for (const file of report.sourceOffers[0]!.files) await expect(shipped(file)).resolves.toBeDefined()
    },
  )
})

describe('the pieces', () => {
  it('finds the package of a bundled module', () => {
    const nm = `${sep}app${sep}node_modules${sep}`
    expect(packageDirOfModule(`${nm}react${sep}cjs${sep}react.js`)).toBe(`${nm}react`)
    expect(
      packageDirOfModule(`\0${nm}@tanstack${sep}query-core${sep}build${sep}x.js?commonjs-es-import`),
    ).toBe(`${nm}@tanstack${sep}query-core`)
    expect(packageDirOfModule(`${nm}a${sep}node_modules${sep}b${sep}i.js`)).toBe(
      `${nm}a${sep}node_modules${sep}b`,
    )
    expect(packageDirOfModule(`${sep}app${sep}src${sep}main.tsx`)).toBeNull()
    expect(packageDirOfModule('\0rolldown/runtime.js')).toBeNull()
  })

  it('reads the packaging exclusions, and licences and repositories in their older forms', () => {
    expect(
      excludedByFilePatterns(['out/**/*', '!**/*.map', '!node_modules/@napi-rs/**', '!node_modules/x/**']),
    ).toEqual(['@napi-rs', 'x'])
    expect(declaredLicence({ licenses: [{ type: 'MIT' }, { type: 'Apache-2.0' }] })).toBe('MIT OR Apache-2.0')
    expect(declaredLicence({ license: { type: 'BSD' } })).toBe('BSD')
    expect(repositoryUrl({ repository: 'github:a/b' })).toBe('https://github.com/a/b')
    expect(repositoryUrl({ repository: { url: 'git+https://github.com/a/b.git' } })).toBe(
      'https://github.com/a/b',
    )
    expect(repositoryUrl({ homepage: 'https://x.example' })).toBe('https://x.example')
  })

  it('refuses a CSL file that states no rights', () => {
    expect(() => cslCredit('x.csl', '<style><info><title>X</title></info></style>')).toThrow(/no <rights>/)
  })
})
