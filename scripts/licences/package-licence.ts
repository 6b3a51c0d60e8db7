/**
 * One shipped package's entry in the licence report: its name, version and declared licence, where
 * it comes from, and its own licence and notice files verbatim (an MIT or BSD licence asks that its
 * copyright notice travel with every copy; Apache-2.0 asks the same of a NOTICE file). A package that
 * ships no licence file gets the standard text of the licence it declares, marked as such.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { LicenceText, ShippedPackage } from '../../src/shared/licences'
import { readManifest, type Manifest } from './shipped-packages'

const LICENCE_FILE = /^(licen[cs]e|copying|notice|copyright)([-._].*)?$/i

/** `license` as a string, the old `{ type }` form, or the older `licenses: [{ type }]` list. */
export function declaredLicence(manifest: Manifest): string {
  const typeOf = (value: unknown): string =>
    typeof value === 'string'
      ? value
      : typeof value === 'object' && value
        ? String((value as { type?: unknown }).type ?? '')
        : ''
  if (manifest.license !== undefined) return typeOf(manifest.license)
  if (Array.isArray(manifest.licenses)) return manifest.licenses.map(typeOf).filter(Boolean).join(' OR ')
  return ''
}

/** A repository as a browsable https address (`git+https://…git`, `github:owner/name`, `owner/name`). */
export function repositoryUrl(manifest: Manifest): string {
  const raw = manifest.repository
  const value =
    typeof raw === 'string' ? raw : typeof raw === 'object' && raw ? (raw as { url?: unknown }).url : ''
  if (typeof value === 'string' && value !== '') {
    const shorthand = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(value)
    if (shorthand) return `https://github.com/${shorthand[1]}`
    return value
      .replace(/^git\+/, '')
      .replace(/^git:\/\//, 'https://')
      .replace(/^ssh:\/\/git@/, 'https://')
      .replace(/\.git$/, '')
  }
  return typeof manifest.homepage === 'string' ? manifest.homepage : ''
}

const spdxTexts = createRequire(import.meta.url)

/** The SPDX list's standard text of a single licence id, or null (an expression, or unknown). */
export function standardLicenceText(id: string): string | null {
  if (!/^[\w.+-]+$/.test(id)) return null
  try {
    const entry = spdxTexts(`spdx-license-list/licenses/${id}.json`) as { licenseText?: string }
    return entry.licenseText ?? null
  } catch {
    return null
  }
}

export function licenceFiles(dir: string): LicenceText[] {
  return readdirSync(dir)
    .filter((file) => LICENCE_FILE.test(file) && statSync(join(dir, file)).isFile())
    .sort()
    .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }))
}

export function readShippedPackage(dir: string, shippedAs: ShippedPackage['shippedAs']): ShippedPackage {
  const manifest = readManifest(dir)
  const licence = declaredLicence(manifest)
  let texts = licenceFiles(dir)
  if (texts.length === 0) {
    const standard = standardLicenceText(licence)
    if (standard)
      texts = [{ file: `the standard ${licence} text (the package ships no licence file)`, text: standard }]
  }
  return {
    name: manifest.name ?? '',
    version: manifest.version ?? '',
    licence,
    shippedAs,
    url: repositoryUrl(manifest),
    texts,
  }
}
