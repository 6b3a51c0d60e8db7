/**
 * The licences of what ships in the app: written at build time (scripts/licences) from the
 * production dependency tree and the modules bundled into the app's own code, into the built
 * renderer's folder, and read by the Licences dialog (Help > Licences…) as a file of the page's own
 * origin. Every text here is shown as text, never as HTML.
 */

/** Where the report is, relative to the renderer's index.html (out/renderer). */
export const LICENCES_DIR = 'licences'
export const LICENCES_FILE = `${LICENCES_DIR}/licences.json`
export const THIRD_PARTY_FILE = `${LICENCES_DIR}/THIRD_PARTY_LICENCES.txt`
/** Where the package puts out/renderer: inside the app's archive, as the user can find it. */
export const RENDERER_IN_PACKAGE = 'resources/app.asar, folder out/renderer'

export interface LicenceText {
  /** The file's name in the package, or a note saying where the text comes from. */
  file: string
  text: string
}

export interface ShippedPackage {
  name: string
  version: string
  /** The licence the package declares (an SPDX expression as written), or '' if it declares none. */
  licence: string
  /** In node_modules inside the app's archive, bundled into the app's own code, or both. */
  shippedAs: Array<'node_modules' | 'bundled'>
  /** Its repository or home page, '' if it names neither. */
  url: string
  /** Its own licence and notice files, verbatim. */
  texts: LicenceText[]
}

/** A package whose licence asks that its source travel with the app (citeproc-js, CPAL-1.0). */
export interface SourceOffer {
  name: string
  version: string
  licence: string
  /** Files shipped beside the report (source, licence, licence texts), relative to LICENCES_DIR. */
  files: string[]
  upstream: string
  /** The notice the licence asks for: what it is, under which terms, where its source is. */
  notice: string
}

/** One Citation Style Language file, with the attribution its CC BY-SA licence asks for. */
export interface CslCredit {
  file: string
  title: string
  /** Authors, contributors and translators, as the file's <info> names them. */
  people: string[]
  /** The file's canonical address (`<link rel="self">`), '' if none. */
  url: string
  rights: string
  licenceUrl: string
}

export interface LicenceReport {
  app: { name: string; version: string; licence: string }
  /** Sorted by name, then version. */
  packages: ShippedPackage[]
  sourceOffers: SourceOffer[]
  csl: { project: string; projectUrl: string; files: CslCredit[] }
}
