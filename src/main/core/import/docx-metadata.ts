/**
 * What a DOCX says about itself in docProps/core.xml (Dublin Core): title, author, creation date.
 * Metadata is a convenience, so a missing, oversized or malformed part yields empty fields rather
 * than failing the import.
 */
import { JSDOM } from 'jsdom'
import { EMPTY_METADATA, type ExtractedMetadata } from './extracted-document'
import { readZipEntryText } from './zip-entry'

const CORE_PART = 'docProps/core.xml'
/** A real core.xml is well under 2 KB. */
const MAX_CORE_BYTES = 256 * 1024
const DC = 'http://purl.org/dc/elements/1.1/'
const DCTERMS = 'http://purl.org/dc/terms/'

/**
 * Values that generators and fresh installs write as the "creator": they name a tool or an
 * account, not the person who wrote the document, and would mislead as an author.
 */
const PLACEHOLDER_AUTHORS = new Set([
  'python-docx',
  'microsoft office user',
  'administrator',
  'user',
  'unknown',
  'author',
])

function field(doc: Document, namespace: string, name: string, maxLength: number): string {
  const value = doc.getElementsByTagNameNS(namespace, name)[0]?.textContent ?? ''
  return value.replace(/\s+/g, ' ').trim().slice(0, maxLength)
}

/** W3CDTF timestamp → YYYY-MM-DD, or '' unless it is a real calendar date in a plausible range. */
export function isoDay(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value)
  if (!match) return ''
  const [, year, month, day] = match.map(Number) as [number, number, number, number]
  const date = new Date(Date.UTC(year, month - 1, day))
  // Word files cannot predate 1980 (the zip epoch); templates sometimes carry 1601 or 1899.
  if (year < 1980 || year > 2100 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return ''
  return match[0]
}

export function parseCoreProperties(xml: string): ExtractedMetadata {
  let doc: Document
  try {
    doc = new JSDOM(xml, { contentType: 'application/xml' }).window.document
  } catch {
    return EMPTY_METADATA
  }
  const creator = field(doc, DC, 'creator', 500)
  return {
    ...EMPTY_METADATA,
    title: field(doc, DC, 'title', 1000),
    byline: PLACEHOLDER_AUTHORS.has(creator.toLowerCase()) ? '' : creator,
    published: isoDay(field(doc, DCTERMS, 'created', 100)),
  }
}

export async function readDocxMetadata(bytes: Uint8Array): Promise<ExtractedMetadata> {
  const xml = await readZipEntryText(bytes, CORE_PART, MAX_CORE_BYTES).catch(() => null)
  return xml === null ? EMPTY_METADATA : parseCoreProperties(xml)
}
