/**
 * The licence report of a build, and the files it writes beside the built renderer (out/renderer/
 * licences/): licences.json for the Licences dialog, THIRD_PARTY_LICENCES.txt for a person, and
 * citeproc-js's source with its licence and the full texts of the licences it is offered under,
 * which CPAL-1.0 asks to travel with the app (sections 3.1, 3.2 and 3.6).
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import {
  LICENCES_DIR,
  LICENCES_FILE,
  RENDERER_IN_PACKAGE,
  THIRD_PARTY_FILE,
  type LicenceReport,
  type ShippedPackage,
  type SourceOffer,
} from '../../src/shared/licences'
import { cslCredits } from './csl-credits'
import { licenceFiles, readShippedPackage, repositoryUrl, standardLicenceText } from './package-licence'
import { packageDirOfModule, productionPackageDirs, readManifest } from './shipped-packages'

export interface ReportInput {
  root: string
  /** Ids of the modules the app's bundles (main, preload, renderer) hold. */
  bundledModuleIds: Iterable<string>
  /** Package names or scopes that PACKAGED_FILES leaves out of node_modules. */
  excluded: readonly string[]
}

/** citeproc-js: which of its files ship beside the report, and which licence texts with them. */
const CITEPROC = {
  files: ['citeproc_commonjs.js', 'LICENSE'],
  // Its LICENSE offers the CPAL, version 1 or later, or the AGPL, version 3 or later.
  licences: ['CPAL-1.0', 'AGPL-3.0-or-later'],
  folder: 'citeproc',
}

function citeprocOffer(root: string): SourceOffer {
  const dir = dirname(createRequire(join(root, 'package.json')).resolve('citeproc/package.json'))
  const manifest = readManifest(dir)
  const licence = licenceFiles(dir).find((file) => file.file === 'LICENSE')?.text ?? ''
  const copyright = /Copyright[^\n]*/.exec(licence)?.[0].trim() ?? 'Copyright its authors'
  const upstream = repositoryUrl(manifest)
  const at = `${LICENCES_DIR}/${CITEPROC.folder}`
  return {
    name: 'citeproc-js',
    version: manifest.version ?? '',
    licence: 'CPAL-1.0',
    files: [...CITEPROC.files, ...CITEPROC.licences.map((id) => `${id}.txt`)].map(
      (file) => `${CITEPROC.folder}/${file}`,
    ),
    upstream,
    notice:
      `Corroborate formats citations with citeproc-js ${manifest.version} (the npm package citeproc), ` +
      `${copyright}, unmodified, under the Common Public Attribution License 1.0 (CPAL), one of the two ` +
      `licences it is offered under (the other is the GNU Affero General Public License, version 3 or ` +
      `later). Its source code ships inside this app, unminified: in ${RENDERER_IN_PACKAGE}, at ` +
      `${at}/citeproc_commonjs.js, beside its LICENSE and the full texts of both licences. ` +
      `It is also available from ${upstream}.`,
  }
}

function byNameAndVersion(a: ShippedPackage, b: ShippedPackage): number {
  return a.name.localeCompare(b.name, 'en') || a.version.localeCompare(b.version, 'en')
}

export function buildLicenceReport({ root, bundledModuleIds, excluded }: ReportInput): LicenceReport {
  const where = new Map<string, ShippedPackage['shippedAs']>()
  for (const dir of productionPackageDirs(root, excluded)) where.set(dir, ['node_modules'])
  for (const id of bundledModuleIds) {
    const dir = packageDirOfModule(id)
    if (dir && !where.get(dir)?.includes('bundled')) where.set(dir, [...(where.get(dir) ?? []), 'bundled'])
  }
  // One entry per name and version, wherever its copies lie.
  const packages = new Map<string, ShippedPackage>()
  for (const [dir, shippedAs] of where) {
    const entry = readShippedPackage(dir, [...shippedAs].sort())
    const key = `${entry.name}@${entry.version}`
    const known = packages.get(key)
    if (known) known.shippedAs = [...new Set([...known.shippedAs, ...shippedAs])].sort()
    else packages.set(key, entry)
  }
  const app = readManifest(root)
  return {
    app: { name: app.name ?? '', version: app.version ?? '', licence: String(app.license ?? '') },
    packages: [...packages.values()].sort(byNameAndVersion),
    sourceOffers: [citeprocOffer(root)],
    csl: cslCredits(join(root, 'resources', 'csl')),
  }
}

const rule = (title: string) => `\n${'='.repeat(78)}\n${title}\n${'='.repeat(78)}\n`

/** The same report as plain text, for a person reading the app's files. */
export function thirdPartyText(report: LicenceReport): string {
  const parts = [
    `Third-party software and data in ${report.app.name} ${report.app.version}`,
    `(${report.app.name} itself is licensed ${report.app.licence}.)`,
  ]
  for (const offer of report.sourceOffers) parts.push(rule(`${offer.name}: source code`), offer.notice)
  parts.push(
    rule('Citation styles'),
    `The citation styles and locale are from ${report.csl.project}, ${report.csl.projectUrl}, unmodified.`,
  )
  for (const style of report.csl.files) {
    parts.push(
      '',
      `${style.title} (${style.file})${style.url ? `, ${style.url}` : ''}`,
      `  by ${style.people.join(', ')}`,
      `  ${style.rights}: ${style.licenceUrl}`,
    )
  }
  for (const pkg of report.packages) {
    parts.push(
      rule(`${pkg.name} ${pkg.version}: ${pkg.licence || 'no licence declared'}`),
      `${pkg.url ? `${pkg.url}\n` : ''}Ships ${pkg.shippedAs.map((s) => (s === 'bundled' ? 'bundled into the app' : 'in node_modules')).join(' and ')}.`,
    )
    for (const text of pkg.texts) parts.push('', `--- ${text.file} ---`, text.text.trimEnd())
  }
  return `${parts.join('\n')}\n`
}

/** Writes the report, its text form and citeproc-js's files into `rendererDir`/licences. */
export function writeLicences(report: LicenceReport, root: string, rendererDir: string): void {
  const citeprocDir = dirname(createRequire(join(root, 'package.json')).resolve('citeproc/package.json'))
  mkdirSync(join(rendererDir, LICENCES_DIR, CITEPROC.folder), { recursive: true })
  writeFileSync(join(rendererDir, LICENCES_FILE), JSON.stringify(report))
  writeFileSync(join(rendererDir, THIRD_PARTY_FILE), thirdPartyText(report))
  const folder = join(rendererDir, LICENCES_DIR, CITEPROC.folder)
  for (const file of CITEPROC.files) copyFileSync(join(citeprocDir, file), join(folder, file))
  for (const id of CITEPROC.licences) {
    const text = standardLicenceText(id)
    if (!text) throw new Error(`The SPDX licence list has no text for ${id}`)
    writeFileSync(join(folder, `${id}.txt`), text)
  }
}
