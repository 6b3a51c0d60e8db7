/**
 * Who said what, in one tagged sentence: "X said", "said X" after a quote, "according to X". Speakers
 * are resolved later, across the whole text (see speakers.ts).
 */
import { DENIAL_CUES, SPEAKER_PRONOUNS, SPEECH_CUES } from './speech-lexicon'
import {
  NEGATIONS,
  PASSIVE_OR_INFINITIVE,
  isBetweenSubjectAndVerb,
  phraseEndingAt,
  phraseStartingAt,
} from './noun-phrase'
import type { SpeakerPhrase } from './speaker-phrase'
import { describeSpeaker } from './speaker-phrase'
import type { Token } from './tokens'
import { endsPhrase, has, isMainVerb } from './tokens'

export interface RawAttribution {
  start: number
  end: number
  cue: string
  /** Offset of the cue word, so a dated event on the same verb can find its speaker. */
  cueStart: number
  speaker: SpeakerPhrase
}

/** How far back the comma opening an apposition may be: "Eric Reeves, one of … on Sudan, said". */
const MAX_APPOSITION = 15
/** The cues as written in the past tense, for verbs compromise leaves without a lemma. */
const CUE_FORMS: ReadonlySet<string> = new Set(SPEECH_CUES.values())
/** Cues that are ordinary verbs too ("added to", "reported cases"): only as a reporting clause. */
const WEAK_CUES: ReadonlySet<string> = new Set(['add', 'continue', 'note', 'report', 'state'])

export function findAttributions(text: string, tokens: readonly Token[]): RawAttribution[] {
  const found: RawAttribution[] = []
  tokens.forEach((token, i) => {
    const attribution =
      token.normal === 'according' && tokens[i + 1]?.normal === 'to'
        ? accordingTo(text, tokens, i)
        : reportingVerb(text, tokens, i)
    if (attribution) found.push(attribution)
  })
  return found
}

function accordingTo(text: string, tokens: readonly Token[], i: number): RawAttribution | null {
  const phrase = phraseStartingAt(tokens, i + 2)
  if (!phrase) return null
  let speaker = describeSpeaker(text, tokens, ...phrase)
  // "According to the head of Kyiv’s Defense Intelligence Directorate, Lieutenant General Kyrylo
  // Budanov,": the person in the apposition is the better speaker.
  const apposition = speaker?.name ? null : phraseStartingAt(tokens, phrase[1] + 1)
  const appositive = apposition ? describeSpeaker(text, tokens, ...apposition) : null
  if (apposition && appositive?.name && endsPhrase(tokens[apposition[1]])) speaker = appositive
  if (!speaker) return null
  const cue = tokens[i]!
  return { start: cue.start, end: speaker.end, cue: 'according to', cueStart: cue.start, speaker }
}

function reportingVerb(text: string, tokens: readonly Token[], i: number): RawAttribution | null {
  const verb = tokens[i]!
  const cue = SPEECH_CUES.get(verb.root) ?? (CUE_FORMS.has(verb.normal) ? verb.normal : undefined)
  // compromise sometimes tags a reporting verb as an adjective ("spy chief also informed lawmakers").
  const verbLike = isMainVerb(verb) || (has(verb, 'Adjective') && !has(tokens[i - 1], 'Determiner'))
  // "initially-announced" is an adjective whatever its tag.
  if (!cue || !verbLike || has(verb, 'Gerund') || tokens[i - 1]?.post === '-') return null
  let left = i - 1
  while (left >= 0 && isBetweenSubjectAndVerb(tokens, left) && !endsPhrase(tokens[left])) left--
  const before = tokens[left]
  const negated = before && (NEGATIONS.has(before.normal) || has(before, 'Negative'))
  if (negated || PASSIVE_OR_INFINITIVE.has(before?.normal ?? '')) return null
  const lemma = [...SPEECH_CUES].find(([, form]) => form === cue)?.[0] ?? ''
  if (WEAK_CUES.has(lemma) && !isReportingClause(tokens, i, left)) return null
  const attribution = (speaker: SpeakerPhrase | null, start: number, end: number) =>
    speaker ? { start, end, cue, cueStart: verb.start, speaker } : null

  // `“…serious issue,” said Defense Secretary Lloyd Austin.`: the speaker follows the verb.
  if (!before || endsPhrase(before)) {
    const speaker = speakerAfter(text, tokens, i)
    if (speaker) return attribution(speaker, verb.start, speaker.end)
    // A comma may still close a parenthesis around the subject: "The UK government, along with…, have".
    if (!before || /[“”"]/.test(before.post)) return null
  }
  const speaker = speakerBefore(text, tokens, left, DENIAL_CUES.has(cue))
  return speaker ? attribution(speaker, speaker.start, verb.end) : null
}

/** "said Mr. Reeves, a senior fellow": a phrase that closes the clause, not "said Yoon’s “illegal…”". */
function speakerAfter(text: string, tokens: readonly Token[], verb: number): SpeakerPhrase | null {
  let right = verb + 1
  while (isBetweenSubjectAndVerb(tokens, right)) right++
  const phrase = phraseStartingAt(tokens, right)
  if (!phrase || has(tokens[phrase[1]], 'Possessive')) return null
  const closesClause = endsPhrase(tokens[phrase[1]]) || phrase[1] === tokens.length - 1
  return closesClause ? describeSpeaker(text, tokens, ...phrase) : null
}

function speakerBefore(
  text: string,
  tokens: readonly Token[],
  head: number,
  denial: boolean,
): SpeakerPhrase | null {
  // "He said": a pronoun is its own phrase; speakers.ts resolves it to the last person quoted.
  if (SPEAKER_PRONOUNS.has(tokens[head]?.normal ?? '')) return describeSpeaker(text, tokens, head, head)
  let phrase = phraseEndingAt(tokens, head)
  if (!phrase || NEGATIONS.has(tokens[phrase[0] - 1]?.normal ?? '')) return null
  if (/,/.test(tokens[phrase[1]]!.post)) {
    // "The UK government, along with North Korea and Russia, have all denied": every party denies.
    if (denial) phrase[0] = clauseStart(tokens, phrase[0])
    // "Eric Reeves, one of the leading voices on Sudan, said": the speaker stands before the
    // apposition, unless the apposition is the name ("Mozilla's CTO, Brendan Eich, acknowledged").
    else if (!describeSpeaker(text, tokens, ...phrase)?.name) phrase = beforeApposition(tokens, phrase[0])
  }
  return phrase ? describeSpeaker(text, tokens, ...phrase) : null
}

/** A weak cue counts after a quote, before "that", or closing the sentence ("Kirby continued."). */
function isReportingClause(tokens: readonly Token[], i: number, left: number): boolean {
  let next = i + 1
  while (has(tokens[next], 'Date') || ['last', 'this', 'on'].includes(tokens[next]?.normal ?? '')) next++
  const after = tokens[next]
  const quoteBefore = /[”"]/.test(tokens[left]?.post ?? '') || /[”"]/.test(tokens[left - 1]?.post ?? '')
  return quoteBefore || endsPhrase(tokens[next - 1]) || after === undefined || after.normal === 'that'
}

/** Back to the start of the clause: the sentence start, or just after a quote, colon or semicolon. */
function clauseStart(tokens: readonly Token[], from: number): number {
  let start = from
  const opensClause = (token: Token) =>
    /[“”";:]/.test(token.post) || has(token, 'Verb') || (has(token, 'Conjunction') && token.normal !== 'and')
  while (start > 0 && !opensClause(tokens[start - 1]!)) start--
  return start
}

/** The phrase that ends at the comma opening an apposition ("Eric Reeves, one of…,"), or null. */
function beforeApposition(tokens: readonly Token[], appositionFrom: number): [number, number] | null {
  for (let j = appositionFrom - 1; j >= 0 && appositionFrom - j <= MAX_APPOSITION; j--) {
    if (/[“”";:]/.test(tokens[j]!.post)) return null
    if (/,/.test(tokens[j]!.post)) return phraseEndingAt(tokens, j)
  }
  return null
}
