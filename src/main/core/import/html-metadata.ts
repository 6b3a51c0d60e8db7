/**
 * Reads what a web page says about itself: title, author, outlet, date, canonical address,
 * language and direction. Readability's answers come first; the page's own meta tags and JSON-LD
 * fill the gaps. JSON-LD is parsed as JSON text, never run.
 */
import type { TextDirection } from '../../../shared/model'
import type { ExtractedMetadata } from './extracted-document'

/** The metadata fields of Readability's `parse()` result. */
export interface ReadabilityMetadata {
  title?: string | null | undefined
  byline?: string | null | undefined
  siteName?: string | null | undefined
  publishedTime?: string | null | undefined
  lang?: string | null | undefined
  dir?: string | null | undefined
}

export interface PageMetadata {
  metadata: ExtractedMetadata
  lang: string
  dir: TextDirection
}

/** Collapses whitespace and caps length to what the notebook's source schema accepts. */
function clean(value: string | null | undefined, max: number): string {
  return (value ?? '').replace(/\s+/g, ' ').trim().slice(0, max)
}

function firstOf(...values: Array<string | null | undefined>): string {
  for (const value of values) if (value && value.trim()) return value
  return ''
}

/** The content of the first `<meta>` whose name or property is one of `keys` (case-insensitive). */
function meta(doc: Document, ...keys: string[]): string {
  const wanted = keys.map((k) => k.toLowerCase())
  const found = new Map<string, string>()
  for (const el of doc.getElementsByTagName('meta')) {
    const content = el.getAttribute('content')
    if (!content?.trim()) continue
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase()
      if (key && wanted.includes(key) && !found.has(key)) found.set(key, content)
    }
  }
  // Honour the order of `keys`, not document order: it encodes which tag we trust more.
  return firstOf(...wanted.map((k) => found.get(k)))
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/**
 * Turns the many date spellings pages use into YYYY-MM-DD. The date is taken as written, never
 * shifted to UTC or the local zone: the page's own calendar day is the one a citation should name.
 */
export function normalizeDate(raw: string | null | undefined): string {
  const value = (raw ?? '').trim()
  const iso =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/.exec(value) ?? /^(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(value)
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  // "24 Jul 2015" (RFC 2822 and British style) and "July 24th, 2015".
  const dayFirst = /\b(\d{1,2})\.? ([a-z]{3,})\.?,? (\d{4})\b/i.exec(value)
  if (dayFirst) return validDate(Number(dayFirst[3]), monthNumber(dayFirst[2]), Number(dayFirst[1]))
  const monthFirst = /\b([a-z]{3,})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b/i.exec(value)
  if (monthFirst) return validDate(Number(monthFirst[3]), monthNumber(monthFirst[1]), Number(monthFirst[2]))
  return ''
}

function monthNumber(name: string | undefined): number {
  return MONTHS.indexOf((name ?? '').slice(0, 3).toLowerCase()) + 1
}

function validDate(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day))
  const valid = year >= 1000 && year <= 9999 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  return valid ? date.toISOString().slice(0, 10) : ''
}

/** Every value of `key` in the page's JSON-LD blocks, in document order, including @graph arrays. */
function jsonLdValues(doc: Document, key: string): unknown[] {
  const values: unknown[] = []
  for (const script of doc.getElementsByTagName('script')) {
    if (script.getAttribute('type')?.trim().toLowerCase() !== 'application/ld+json') continue
    let data: unknown
    try {
      // Some CMSes wrap the JSON in a CDATA section or an HTML comment.
      const text = (script.textContent ?? '').replace(/^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$/g, '')
      data = JSON.parse(text)
    } catch {
      continue
    }
    // Breadth-first and bounded, so a hostile megabyte of nesting cannot stall the import.
    const queue: unknown[] = [data]
    const visit = (child: unknown) => {
      if (child && typeof child === 'object' && queue.length < 10_000) queue.push(child)
    }
    for (let i = 0; i < queue.length; i++) {
      const node = queue[i]
      if (Array.isArray(node)) node.forEach(visit)
      else if (node && typeof node === 'object') {
        const record = node as Record<string, unknown>
        if (key in record) values.push(record[key])
        for (const [k, child] of Object.entries(record)) if (k !== key) visit(child)
      }
    }
  }
  return values
}

function jsonLdString(doc: Document, key: string, nameKey?: string): string {
  for (const value of jsonLdValues(doc, key)) {
    const item = Array.isArray(value) ? value[0] : value
    if (typeof item === 'string' && item.trim()) return item
    if (nameKey && item && typeof item === 'object') {
      const name = (item as Record<string, unknown>)[nameKey]
      if (typeof name === 'string' && name.trim()) return name
    }
  }
  return ''
}

function publishedDate(doc: Document, readability: ReadabilityMetadata | null): string {
  const candidates = [
    () => readability?.publishedTime,
    () => jsonLdString(doc, 'datePublished'),
    () => meta(doc, 'article:published_time', 'og:article:published_time', 'datePublished'),
    () => meta(doc, 'date', 'pubdate', 'DC.date.issued', 'dcterms.issued', 'DC.date'),
    // Last resort: the first machine-readable date in the page, which is usually the dateline.
    () => doc.querySelector('time[datetime]')?.getAttribute('datetime'),
  ]
  for (const candidate of candidates) {
    const date = normalizeDate(candidate())
    if (date) return date
  }
  return ''
}

/** An absolute http(s) address, or ''. Relative addresses resolve against `base` when we have one. */
export function httpUrl(raw: string | null | undefined, base?: string): string {
  if (!raw?.trim()) return ''
  try {
    const url = base ? new URL(raw.trim(), base) : new URL(raw.trim())
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.href.length <= 4096 ? url.href : ''
  } catch {
    return ''
  }
}

function canonicalUrl(doc: Document, pageUrl?: string): string {
  for (const link of doc.getElementsByTagName('link')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/)
    const url = rel.includes('canonical') ? httpUrl(link.getAttribute('href'), pageUrl) : ''
    if (url) return url
  }
  return httpUrl(meta(doc, 'og:url'), pageUrl) || httpUrl(pageUrl)
}

/** The first BCP 47-looking tag (en, en-US, zh-Hant-TW); fixes the `en_US` spelling some CMSes use. */
function languageTag(...values: Array<string | null | undefined>): string {
  for (const value of values) {
    const tag = (value ?? '').trim().replace(/_/g, '-')
    if (/^[a-z]{2,8}(?:-[a-z0-9]{1,8})*$/i.test(tag) && tag.length <= 35) return tag
  }
  return ''
}

function direction(...values: Array<string | null | undefined>): TextDirection {
  for (const value of values) {
    const dir = value?.trim().toLowerCase()
    if (dir === 'ltr' || dir === 'rtl') return dir
  }
  return 'auto'
}

export function readPageMetadata(
  doc: Document,
  readability: ReadabilityMetadata | null,
  pageUrl?: string,
): PageMetadata {
  const root = doc.documentElement
  const title = firstOf(
    readability?.title,
    meta(doc, 'og:title', 'twitter:title'),
    doc.title,
    doc.querySelector('h1')?.textContent,
  )
  const metadata: ExtractedMetadata = {
    title: clean(title, 1000),
    byline: clean(
      firstOf(readability?.byline, meta(doc, 'author'), jsonLdString(doc, 'author', 'name')),
      500,
    ),
    siteName: clean(
      firstOf(readability?.siteName, meta(doc, 'og:site_name'), jsonLdString(doc, 'publisher', 'name')),
      500,
    ),
    published: publishedDate(doc, readability),
    url: canonicalUrl(doc, pageUrl),
  }
  return {
    metadata,
    lang: languageTag(
      readability?.lang,
      root?.getAttribute('lang'),
      doc.body?.getAttribute('lang'),
      meta(doc, 'og:locale'),
    ),
    dir: direction(readability?.dir, root?.getAttribute('dir'), doc.body?.getAttribute('dir')),
  }
}
