/**
 * Prefills a source's title (and, from a wire dateline, its outlet) from its text. The analyst can
 * always edit both; this only has to be a sensible start.
 */
import { firstSentence } from './first-sentence'

export interface TitleSuggestion {
  title: string
  /** True when the first line reads as a headline and became the title as it stands. */
  fromHeadline: boolean
  /** The outlet named by a dateline such as "SEOUL, South Korea (AP) —", or empty. */
  outlet: string
}

const MAX_HEADLINE = 200
const MAX_PREFILLED = 100
/** "SEOUL, South Korea (AP) — …": a place in capitals, the agency in brackets, a dash. */
const DATELINE = /^[A-Z][A-Z .'’-]+(?:,[\p{L} .'’-]+)?\s*\(([^)]{2,40})\)\s*[—–-]+\s*/u
const WIRE_SERVICES: Record<string, string> = {
  AP: 'Associated Press',
  AFP: 'Agence France-Presse',
  UPI: 'United Press International',
  REUTERS: 'Reuters',
  DPA: 'dpa',
}
const SENTENCE_END = /[.!?;:,…]$/
const CLOSING_QUOTES = /["'”’»)\]]+$/

function looksLikeHeadline(line: string): boolean {
  const bare = line.replace(CLOSING_QUOTES, '')
  return line.length >= 8 && line.length <= MAX_HEADLINE && !SENTENCE_END.test(bare)
}

/** Cuts at a word boundary and marks the cut. */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:—–-]+$/, '')}…`
}

export function suggestTitle(text: string): TitleSuggestion {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
  const first = lines[0] ?? ''
  if (first && lines.length > 1 && looksLikeHeadline(first)) {
    return { title: first, fromHeadline: true, outlet: '' }
  }
  const dateline = DATELINE.exec(first)
  const agency = dateline?.[1]?.trim() ?? ''
  const outlet = agency ? (WIRE_SERVICES[agency.toUpperCase()] ?? agency) : ''
  const body = dateline ? first.slice(dateline[0].length) : first
  const title = truncateAtWord(firstSentence(body).trim(), MAX_PREFILLED)
  return { title: title || 'Untitled source', fromHeadline: false, outlet }
}
