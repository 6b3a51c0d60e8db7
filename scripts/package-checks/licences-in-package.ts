/**
 * The licence list and citeproc-js's source, checked in a packed app.asar: the files are there, and
 * the list names exactly the packages that ship in node_modules, each with a licence and its text.
 */
import { LICENCES_DIR, LICENCES_FILE, THIRD_PARTY_FILE, type LicenceReport } from '../../src/shared/licences'

/** Where the built renderer sits in app.asar. */
const RENDERER = '/out/renderer'

/** The licence files app.asar must hold (besides those the report's source offers name). */
export function requiredLicenceFiles(report: LicenceReport | null): string[] {
  const offered = (report?.sourceOffers ?? []).flatMap((offer) => offer.files)
  return [LICENCES_FILE, THIRD_PARTY_FILE, ...offered.map((file) => `${LICENCES_DIR}/${file}`)].map(
    (file) => `${RENDERER}/${file}`,
  )
}

/** A package's own folder in app.asar: `/node_modules/a/package.json`, `/node_modules/a/node_modules/@s/b/package.json`. */
export const PACKAGE_MANIFEST = /^(?:\/node_modules\/(?:@[^/]+\/)?[^/]+)+\/package\.json$/

export interface PackageId {
  name: string
  version: string
}

/** Differences between the list and what app.asar's node_modules holds, and entries with no licence. */
export function licenceListProblems(report: LicenceReport, shipped: readonly PackageId[]): string[] {
  const id = (p: PackageId) => `${p.name}@${p.version}`
  const listed = new Set(report.packages.filter((p) => p.shippedAs.includes('node_modules')).map(id))
  const packed = new Set(shipped.map(id))
  const problems: string[] = []
  for (const name of packed)
    if (!listed.has(name)) problems.push(`${name} ships in node_modules but is not in the licence list`)
  for (const name of listed)
    if (!packed.has(name)) problems.push(`${name} is listed as in node_modules but is not in the package`)
  for (const p of report.packages) {
    if (!p.licence) problems.push(`${id(p)} declares no licence`)
    if (p.texts.length === 0) problems.push(`${id(p)} has no licence text`)
  }
  if (!report.sourceOffers.some((offer) => offer.name === 'citeproc-js' && offer.licence === 'CPAL-1.0'))
    problems.push('the list has no CPAL source offer for citeproc-js')
  return problems
}
