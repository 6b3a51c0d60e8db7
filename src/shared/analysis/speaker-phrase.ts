/**
 * What a speaker phrase says about who speaks: a person's name behind titles ("U.S. Defense Secretary
 * Lloyd Austin" → 'Lloyd Austin', titled 'defense secretary'), a pronoun, or an institution.
 */
import { SPEAKER_NOUNS, SPEAKER_PRONOUNS, TITLE_WORDS } from './speech-lexicon'
import { partiesIn } from './noun-phrase'
import type { Token } from './tokens'
import { has, isCapitalized } from './tokens'

export interface SpeakerPhrase {
  start: number
  end: number
  /** As written: 'the U.S. defense secretary', 'South Korea’s National Intelligence Service'. */
  text: string
  /** The person's name when the phrase gives one ('Lloyd Austin', 'Austin'), else ''. */
  name: string
  /** Sorted content words of the title before a name, or of the whole phrase when it has no name. */
  signature: string
  pronoun: boolean
  parties: string[]
}

const SIGNATURE_NOISE: ReadonlySet<string> = new Set(['the', 'a', 'an', 'of', 'us', 'u.s.', 'and'])

const AFTER_PREPOSITION: ReadonlySet<string> = new Set(['in', 'of', 'from', 'at', 'for'])
/** Nouns that introduce an institution's name, not a person's: "rescue group Project Jonah". */
const INSTITUTION_NOUNS: ReadonlySet<string> = new Set([
  ...'group company firm agency charity party team network newspaper website'.split(' '),
  ...['organisation', 'organization'],
])

const isTitle = (token: Token | undefined) =>
  token !== undefined && (TITLE_WORDS.has(token.normal) || has(token, 'Honorific'))

/** A name's tail joined by a hyphen ("Tae-" + "yong") belongs to the name even in lower case. */
const joinedToNext = (token: Token | undefined) => token?.post === '-'

export function describeSpeaker(
  text: string,
  tokens: readonly Token[],
  from: number,
  to: number,
): SpeakerPhrase | null {
  const head = tokens[to]
  const first = tokens[from]
  // "Cho Tae-yong": the name's capitalised first half vouches for its lower-case tail.
  const headWord = joinedToNext(tokens[to - 1]) ? tokens[to - 1] : head
  if (!head || !first || !headWord || !isPlausibleHead(headWord)) return null
  const phrase = { start: first.start, end: head.end, text: text.slice(first.start, head.end) }
  if (from === to && SPEAKER_PRONOUNS.has(head.normal))
    return { ...phrase, name: '', signature: '', pronoun: true, parties: [] }
  const nameFrom = personNameStart(tokens, from, to)
  const name = nameFrom === null ? '' : text.slice(tokens[nameFrom]!.start, head.end)
  const signatureTo = nameFrom === null ? to : nameFrom - 1
  const parties = name ? [name] : partiesIn(text, tokens, from, to)
  return { ...phrase, name, signature: signatureOf(tokens, from, signatureTo), pronoun: false, parties }
}

function isPlausibleHead(head: Token): boolean {
  // A possessive head means the phrase was cut short: "According to Mozilla's manifesto".
  if (['Value', 'Date', 'Demonym', 'Determiner', 'Possessive'].some((tag) => has(head, tag))) return false
  if (SPEAKER_PRONOUNS.has(head.normal)) return true
  if (isCapitalized(head) || has(head, 'Acronym') || has(head, 'Actor')) return true
  return SPEAKER_NOUNS.has(head.normal) || SPEAKER_NOUNS.has(head.root)
}

/** Where the person's name starts inside [from, to], or null when the phrase names no person. */
function personNameStart(tokens: readonly Token[], from: number, to: number): number | null {
  const inName = (i: number) => isCapitalized(tokens[i]) || joinedToNext(tokens[i - 1])
  if (!inName(to)) return null
  let runFrom = to
  while (runFrom > from && inName(runFrom - 1) && !isTitle(tokens[runFrom - 1])) runFrom--
  const titled = runFrom > from && isTitle(tokens[runFrom - 1])
  let nameFrom = runFrom
  // "Secretary of Defense Lloyd Austin": the name starts at the given name, not at "Defense".
  for (let i = runFrom; i < to; i++) {
    if (has(tokens[i], 'FirstName') && !joinedToNext(tokens[i])) {
      nameFrom = i
      break
    }
  }
  // "officials in Washington" names a place, not a person called Washington.
  const introducer = runFrom > from ? tokens[runFrom - 1]!.normal : ''
  if (INSTITUTION_NOUNS.has(introducer)) return null
  const afterPreposition = AFTER_PREPOSITION.has(introducer)
  if (afterPreposition && nameFrom === runFrom) return null
  const name = tokens.slice(nameFrom, to + 1)
  if (name.length > 4) return null
  const personTagged = name.some((token) => has(token, 'Person') && !has(token, 'Honorific'))
  const institutional = name.some((token) => has(token, 'Organization') || has(token, 'Acronym'))
  if (titled) return institutional && !personTagged ? null : nameFrom
  const placeOnly = name.every((token) => has(token, 'Place') && !has(token, 'Person'))
  return personTagged && !placeOnly && !institutional ? nameFrom : null
}

function signatureOf(tokens: readonly Token[], from: number, to: number): string {
  const words = tokens
    .slice(from, to + 1)
    .map((token) => token.normal)
    .filter((word) => word && !SIGNATURE_NOISE.has(word))
  return [...new Set(words)].sort().join(' ')
}
