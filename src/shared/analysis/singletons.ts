/**
 * Statements only one source makes: a denial by a party no other source names ("The UK government,
 * along with North Korea and Russia, have all denied these claims"), a denial when no other source
 * reports any, and quotes from a named speaker no other source mentions.
 *
 * In two steps, so that the first can be stored with the text: `singletonCandidates` reads one text
 * (which denials and named quotes it has, and how another source would name each speaker), and
 * `findSingletons` weighs every source's candidates against the others.
 */
import { DENIAL_CUES } from './speech-lexicon'
import { stableId } from './stable-id'
import type { AttributionMention, Mention, Singleton, SingletonCandidate } from './types'

export function singletonCandidates(text: string, mentions: readonly Mention[]): SingletonCandidate[] {
  const attributions = mentions.filter((m): m is AttributionMention => m.kind === 'attribution')
  const candidate = (mention: AttributionMention, kind: SingletonCandidate['kind']) => ({
    kind,
    sentenceStart: mention.sentenceStart,
    sentenceEnd: mention.sentenceEnd,
    text: text.slice(mention.sentenceStart, mention.sentenceEnd),
    speaker: mention.speaker,
    cue: mention.cue,
    parties: [],
    phrase: '',
  })
  const denials = attributions
    .filter((mention) => DENIAL_CUES.has(mention.cue))
    .map((mention) => ({
      ...candidate(mention, 'denial'),
      parties: mention.parties.map((name) => ({ name, phrase: lookupKey(name, mention.person) })),
    }))
  const quotes = attributions.flatMap((mention) => {
    const phrase = DENIAL_CUES.has(mention.cue) ? '' : namedKey(mention, text)
    return phrase ? [{ ...candidate(mention, 'quote'), phrase }] : []
  })
  return [...denials, ...quotes]
}

export interface SourceCandidates {
  sourceId: string
  candidates: readonly SingletonCandidate[]
}

/** `appearsElsewhere(phrase, i)`: whether a source other than the i-th names the phrase. */
export function findSingletons(
  sources: readonly SourceCandidates[],
  appearsElsewhere: (phrase: string, sourceIndex: number) => boolean,
): Singleton[] {
  const denies = sources.map(({ candidates }) => candidates.some((c) => c.kind === 'denial'))
  const denying = denies.filter(Boolean).length
  const singletons: Singleton[] = []
  sources.forEach(({ sourceId, candidates }, i) => {
    const seen = new Set<number>()
    const add = (candidate: SingletonCandidate, speaker: string, reason: string) => {
      const { sentenceStart, sentenceEnd, text } = candidate
      if (seen.has(sentenceStart)) return
      seen.add(sentenceStart)
      const id = stableId('singleton', sourceId, String(sentenceStart), text)
      singletons.push({ id, sourceId, sentenceStart, sentenceEnd, text, speaker, reason })
    }
    const othersDeny = denying - (denies[i] ? 1 : 0) > 0
    for (const denial of candidates.filter((c) => c.kind === 'denial')) {
      const unnamed = denial.parties.find(({ phrase }) => !appearsElsewhere(phrase, i))?.name
      if (unnamed)
        add(denial, unnamed, `Only this source says ${unnamed} ${denial.cue}; no other source names it.`)
      else if (!othersDeny)
        add(denial, denial.speaker, `Only this source reports a denial (${denial.speaker}).`)
    }
    for (const quote of candidates.filter((c) => c.kind === 'quote')) {
      if (!appearsElsewhere(quote.phrase, i))
        add(quote, quote.speaker, `Only this source quotes ${quote.speaker}.`)
    }
  })
  return singletons
}

/** How other sources would name the speaker: a person by surname, an institution by its own name. */
function lookupKey(name: string, person: boolean): string {
  if (person) return name.split(/\s+/).at(-1) ?? name
  return name.replace(/^(?:the|a|an)\s+/i, '')
}

/**
 * The key for a named speaker, or '' for generic ones ("officials", "South Korea’s spy chief"): a
 * speaker quoted under a common noun is too vague to call single-sourced.
 */
function namedKey(mention: AttributionMention, text: string): string {
  if (mention.person) return lookupKey(mention.speaker, true)
  // "South Korea’s National Intelligence Service" → "National Intelligence Service": the owner is
  // often worded differently ("South Korean").
  const own = mention.speaker.split(/['’]s\s+/).at(-1) ?? ''
  const words = lookupKey(own, false).split(/\s+/).filter(Boolean)
  if (words.length === 0 || !words.every((word) => /^\p{Lu}/u.test(word))) return ''
  const key = words.join(' ')
  return /^\p{Lu}{2,6}$/u.test(key) ? (expandAcronym(key, text) ?? key) : key
}

/** "South Korean National Intelligence Service (NIS)" spells out "NIS": other sources may only do that. */
function expandAcronym(acronym: string, text: string): string | undefined {
  const spelled = new RegExp(`((?:\\p{Lu}[\\p{L}’'-]*\\s+){1,6})\\(${acronym}\\)`, 'u').exec(text)?.[1]
  return spelled?.trim().split(/\s+/).slice(-3).join(' ')
}
