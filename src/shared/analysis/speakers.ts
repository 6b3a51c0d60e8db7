/**
 * Resolves speakers across one text, the way a reader does: "Austin" and "Mr Austin" are the "Lloyd
 * Austin" named elsewhere, "the U.S. defense secretary" is the person introduced as "Defense Secretary
 * Lloyd Austin", and "he" is the last person quoted.
 */
import type { SpeakerPhrase } from './speaker-phrase'

export interface SpeakerIndex {
  fullNameBySurname: ReadonlyMap<string, string>
  fullNameByTitle: ReadonlyMap<string, string>
}

export interface ResolvedSpeaker {
  speaker: string
  person: boolean
}

const words = (name: string) => name.split(/\s+/).filter(Boolean)
const surnameOf = (name: string) => words(name).at(-1)?.toLowerCase() ?? ''

export function indexSpeakers(phrases: readonly SpeakerPhrase[]): SpeakerIndex {
  const fullNameBySurname = new Map<string, string>()
  const fullNameByTitle = new Map<string, string>()
  const ambiguousTitles = new Set<string>()
  for (const phrase of phrases) {
    const name = tidy(phrase.name)
    if (words(name).length < 2) continue
    if (!fullNameBySurname.has(surnameOf(name))) fullNameBySurname.set(surnameOf(name), name)
    if (!phrase.signature) continue
    // A title shared by two people ("the president") resolves to neither.
    const known = fullNameByTitle.get(phrase.signature)
    if (known !== undefined && known !== name) ambiguousTitles.add(phrase.signature)
    fullNameByTitle.set(phrase.signature, name)
  }
  for (const title of ambiguousTitles) fullNameByTitle.delete(title)
  return { fullNameBySurname, fullNameByTitle }
}

/** The canonical speaker, or null for a pronoun with nobody quoted before it. */
export function resolveSpeaker(
  phrase: SpeakerPhrase,
  index: SpeakerIndex,
  lastPerson: string,
): ResolvedSpeaker | null {
  if (phrase.pronoun) return lastPerson ? { speaker: lastPerson, person: true } : null
  const name = tidy(phrase.name)
  if (name) {
    const full = words(name).length === 1 ? index.fullNameBySurname.get(surnameOf(name)) : undefined
    return { speaker: full ?? name, person: true }
  }
  const text = tidy(phrase.text)
  // A bare surname compromise did not tag as a person: "Kirby also said".
  const bySurname = words(text).length === 1 ? index.fullNameBySurname.get(surnameOf(text)) : undefined
  const byTitle = index.fullNameByTitle.get(phrase.signature)
  if (bySurname ?? byTitle) return { speaker: (bySurname ?? byTitle)!, person: true }
  return { speaker: text, person: false }
}

/** One line, single spaces: phrases can span a line break in scraped text. */
export const tidy = (text: string) => text.replace(/\s+/g, ' ').trim()
