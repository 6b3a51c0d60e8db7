/**
 * Noun phrases around a cue, read off compromise's tags: "South Korea’s National Intelligence Service
 * said", "according to lawmaker Park Sunwon,". A phrase never crosses a comma, a quote or a dash, which
 * is what keeps it precise.
 */
import type { Token } from './tokens'
import { endsPhrase, has, isCapitalized, startsPhrase } from './tokens'

const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an'])
/** Small words allowed inside a phrase when nouns stand on both sides ("Secretary of Defense"). */
const LINKS: ReadonlySet<string> = new Set(['of', 'in', 'and', 'for', 'at', 'from', '&', 'both'])
const LEADING_NOISE: ReadonlySet<string> = new Set(['and', 'both', 'but', 'also', 'all', 'neither', 'nor'])
const MAX_PHRASE_TOKENS = 12
export const PASSIVE_OR_INFINITIVE: ReadonlySet<string> = new Set('is was were be been being to'.split(' '))
const AUXILIARIES: ReadonlySet<string> = new Set(
  'has have had will would could can may might should must did does do shall'.split(' '),
)
export const NEGATIONS: ReadonlySet<string> = new Set(['not', 'never', 'neither', 'nor', "n't"])

/** A word that can sit inside a name or a noun phrase. */
export function isNominal(token: Token | undefined): boolean {
  // Citation marks ("Foundation:[41") are markup, not words.
  if (!token || /[[\]]/.test(token.text)) return false
  const closedClass = ['Pronoun', 'Preposition', 'Conjunction', 'Adverb', 'QuestionWord', 'Value', 'Date']
  if (closedClass.some((tag) => has(token, tag))) return false
  // Names compromise mis-tags ("Un" as a verb) are still names.
  if (isCapitalized(token)) return true
  return ['Noun', 'ProperNoun', 'Adjective', 'Possessive', 'Acronym'].some((tag) => has(token, tag))
}

/** The phrase whose last word is `tokens[head]`, read leftwards: [from, head], or null. */
export function phraseEndingAt(tokens: readonly Token[], head: number): [number, number] | null {
  if (!isNominal(tokens[head])) return null
  let from = head
  for (let i = head - 1; i >= 0 && head - i <= MAX_PHRASE_TOKENS; i--) {
    const token = tokens[i]!
    if (endsPhrase(token) || startsPhrase(tokens[i + 1])) break
    if (DETERMINERS.has(token.normal)) {
      from = i
      break
    }
    if (isNominal(token)) {
      from = i
      continue
    }
    // Links may chain ("officials in both South Korea and Ukraine") but must reach a noun.
    const before = tokens[i - 1]
    const reachesNoun = isNominal(before) || (LINKS.has(before?.normal ?? '') && isNominal(tokens[i - 2]))
    const linked = LINKS.has(token.normal) && reachesNoun && !endsPhrase(before)
    if (!linked) break
  }
  while (from < head && LEADING_NOISE.has(tokens[from]!.normal)) from++
  return [from, head]
}

/** The phrase starting at `tokens[first]` (a determiner may lead), read rightwards, or null. */
export function phraseStartingAt(tokens: readonly Token[], first: number): [number, number] | null {
  let to = DETERMINERS.has(tokens[first]?.normal ?? '') ? first + 1 : first
  if (!isNominal(tokens[to])) return null
  while (!endsPhrase(tokens[to]) && to - first < MAX_PHRASE_TOKENS) {
    const next = tokens[to + 1]
    if (isNominal(next) && !startsPhrase(next)) to++
    // "the head of Kyiv’s Defense Intelligence Directorate": a link only before a capitalised name.
    else if (next && LINKS.has(next.normal) && next.normal !== 'and' && isCapitalized(tokens[to + 2])) to += 2
    else break
  }
  return [first, to]
}

/**
 * The named parties in a subject, split on "and", "along with", commas: "The UK government, along with
 * North Korea and Russia" → ['UK government', 'North Korea', 'Russia'].
 */
export function partiesIn(text: string, tokens: readonly Token[], from: number, to: number): string[] {
  const parties: string[] = []
  let partFrom = from
  const close = (partTo: number) => {
    let first = partFrom
    while (first <= partTo && !isNominal(tokens[first])) first++
    let last = first
    while (last < partTo && isNominal(tokens[last + 1]) && !endsPhrase(tokens[last])) last++
    const named = tokens
      .slice(first, last + 1)
      .findIndex((token) => isCapitalized(token) && !isDeterminer(token))
    const start = named >= 0 ? first + named : first
    if (first <= last && first <= partTo) parties.push(text.slice(tokens[start]!.start, tokens[last]!.end))
  }
  for (let i = from; i <= to; i++) {
    const token = tokens[i]!
    const splits = ['and', 'nor', 'or', '&'].includes(token.normal) || token.normal === 'along'
    if (splits) {
      close(i - 1)
      partFrom = token.normal === 'along' ? i + 2 : i + 1
    } else if (endsPhrase(token) && i < to) {
      close(i)
      partFrom = i + 1
    }
  }
  close(to)
  return [...new Set(parties)]
}

const isDeterminer = (token: Token) => DETERMINERS.has(token.normal) || has(token, 'Determiner')

/** Words between a speaker and the verb: "has", "also", "all", "on Monday". */
export function isBetweenSubjectAndVerb(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]
  if (!token || NEGATIONS.has(token.normal) || has(token, 'Negative')) return false
  if (has(token, 'Date') && !isNominal(tokens[i - 1])) return true
  if (['on', 'last', 'this', 'late', 'early'].includes(token.normal)) return has(tokens[i + 1], 'Date')
  if (AUXILIARIES.has(token.normal)) return true
  if (has(token, 'Auxiliary') && !has(token, 'Copula') && !PASSIVE_OR_INFINITIVE.has(token.normal))
    return true
  return (has(token, 'Adverb') && !has(token, 'QuestionWord')) || token.normal === 'all'
}
