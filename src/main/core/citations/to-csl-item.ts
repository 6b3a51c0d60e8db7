import type { CitedSource } from './cited-source'

/** A personal name split for CSL, or an unsplittable one (a mononym or an organisation) kept whole. */
export type CslName = { family: string; given?: string; suffix?: string } | { literal: string }

export interface CslDate {
  'date-parts': [number[]]
}

/** The subset of CSL-JSON that a CitedSource fills. Absent fields are omitted, never empty strings. */
export interface CslItem {
  id: string
  type: CitedSource['type']
  title?: string
  'container-title'?: string
  author?: CslName[]
  issued?: CslDate
  accessed?: CslDate
  URL?: string
}

export function toCslItem(source: CitedSource): CslItem {
  const item: CslItem = { id: source.id, type: source.type }
  // Each field is set only when known, so the style's own fallbacks apply: APA's "n.d.", a title
  // standing in for a missing author, Chicago's "accessed" date for an undated page.
  const title = source.title.trim()
  if (title) item.title = title
  const outlet = source.outlet.trim()
  if (outlet) item['container-title'] = outlet
  const author = toCslNames(source.author)
  if (author) item.author = author
  const issued = toCslDate(source.published)
  if (issued) item.issued = issued
  const accessed = toCslDate(source.accessed)
  if (accessed) item.accessed = accessed
  const url = source.url.trim()
  if (url) item.URL = url
  return item
}

const SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/i

/** 'Hyung-Jin Kim and Jane Doe' → one CSL name each; '' → undefined so the author stays absent. */
export function toCslNames(author: string): CslName[] | undefined {
  const byline = author.trim().replace(/^by\s+/i, '')
  const names = byline
    .split(/\s+(?:and|&)\s+/i)
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .map(toCslName)
  return names.length > 0 ? names : undefined
}

function toCslName(name: string): CslName {
  const comma = name.indexOf(',')
  if (comma !== -1) {
    const before = name.slice(0, comma).trim()
    const after = name.slice(comma + 1).trim()
    // 'Martin Luther King, Jr.' carries a suffix; 'Kim, Hyung-Jin' is already family-first.
    if (SUFFIX.test(after)) return { ...splitFirstLast(before), suffix: after }
    return after ? { family: before, given: after } : splitFirstLast(before)
  }
  const words = name.split(/\s+/)
  const last = words.at(-1)
  if (words.length > 2 && last !== undefined && SUFFIX.test(last)) {
    return { ...splitFirstLast(words.slice(0, -1).join(' ')), suffix: last }
  }
  return splitFirstLast(name)
}

function splitFirstLast(name: string): { family: string; given: string } | { literal: string } {
  const words = name.split(/\s+/)
  const family = words.pop()
  // One word cannot be split into given and family names without inventing one of them.
  if (family === undefined || words.length === 0) return { literal: name }
  // Particles such as 'van' stay at the end of the given name, where citeproc looks for them.
  return { family, given: words.join(' ') }
}

/**
 * 'YYYY', 'YYYY-MM', 'YYYY-MM-DD' or an ISO timestamp → CSL date-parts, keeping the valid prefix.
 * A timestamp's calendar date is taken as written, not converted to this machine's zone, so the
 * same record cites the same day everywhere.
 */
export function toCslDate(value: string): CslDate | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?![\d])/.exec(value.trim())
  if (!match) return undefined
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  if (!(month >= 1 && month <= 12)) return { 'date-parts': [[year]] }
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (!(day >= 1 && day <= daysInMonth)) return { 'date-parts': [[year, month]] }
  return { 'date-parts': [[year, month, day]] }
}
