/**
 * `extractMentions`: the quantities, dates and attributions in one text, with offsets into it. Only the
 * sentences that can hold a mention are tagged (all in one pass); speakers are resolved over the whole
 * text once every sentence has been read.
 */
import type { RawAttribution } from './attributions'
import { findAttributions } from './attributions'
import type { RawDate } from './dates'
import { findDates } from './dates'
import { STATEMENT_EVENTS } from './speech-lexicon'
import { findQuantities } from './quantities'
import type { SentenceSpan } from './sentences'
import { mayHoldMention, splitSentences } from './sentences'
import type { SpeakerIndex } from './speakers'
import { indexSpeakers, resolveSpeaker, tidy } from './speakers'
import { tagSentences } from './tokens'
import type { AttributionMention, DateMention, Mention, QuantityMention } from './types'

type SentenceAttribution = RawAttribution & { sentence: SentenceSpan }

export function extractMentions(text: string): Mention[] {
  const quantities: QuantityMention[] = []
  const dates: RawDate[] = []
  const rawAttributions: SentenceAttribution[] = []
  const sentences = splitSentences(text).filter((sentence) => mayHoldMention(sentence.text))
  const tagged = tagSentences(sentences)
  for (const [i, sentence] of sentences.entries()) {
    const tokens = tagged[i]!
    quantities.push(...findQuantities(text, tokens, sentence))
    dates.push(...findDates(text, tokens, sentence))
    for (const found of findAttributions(text, tokens)) rawAttributions.push({ ...found, sentence })
  }
  const index = indexSpeakers(rawAttributions.map((found) => found.speaker))
  const attributions = resolveAttributions(text, rawAttributions, index)
  const datesWithSubjects = dates.map((date) => withSubject(date, attributions, index))
  return [...quantities, ...datesWithSubjects, ...attributions.map((a) => a.mention)].sort(
    (a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind),
  )
}

interface ResolvedAttribution {
  mention: AttributionMention
  cueStart: number
}

function resolveAttributions(
  text: string,
  found: readonly SentenceAttribution[],
  index: SpeakerIndex,
): ResolvedAttribution[] {
  const resolved: ResolvedAttribution[] = []
  let lastPerson = ''
  for (const { start, end, cue, cueStart, speaker: phrase, sentence } of found) {
    const speaker = resolveSpeaker(phrase, index, lastPerson)
    if (!speaker) continue
    if (speaker.person) lastPerson = speaker.speaker
    const parties =
      speaker.person || phrase.parties.length === 0 ? [speaker.speaker] : phrase.parties.map(tidy)
    const mention: AttributionMention = {
      kind: 'attribution',
      start,
      end,
      sentenceStart: sentence.start,
      sentenceEnd: sentence.end,
      text: text.slice(start, end),
      speaker: speaker.speaker,
      person: speaker.person,
      speakerStart: phrase.start,
      speakerEnd: phrase.end,
      parties,
      cue,
    }
    resolved.push({ mention, cueStart })
  }
  return resolved
}

/**
 * Who the dated event belongs to: the speaker whose cue is the date's verb ("Austin said Tuesday"),
 * else the sentence's nearest speaker for statements ("Speaking to reporters on Wednesday, Austin
 * said"), else the verb's own subject ("NATO on Monday asked").
 */
function withSubject(
  date: RawDate,
  attributions: readonly ResolvedAttribution[],
  index: SpeakerIndex,
): DateMention {
  const { mention } = date
  const inSentence = attributions.filter((a) => a.mention.sentenceStart === mention.sentenceStart)
  const onVerb = inSentence.find((a) => a.cueStart === date.eventStart)
  const distance = (a: ResolvedAttribution) => Math.abs(a.mention.start - mention.start)
  const nearest = [...inSentence].sort((a, b) => distance(a) - distance(b))[0]
  let subject = onVerb?.mention.speaker ?? ''
  if (!subject && nearest && STATEMENT_EVENTS.has(mention.event)) subject = nearest.mention.speaker
  if (!subject && date.subjectPhrase) subject = resolveSpeaker(date.subjectPhrase, index, '')?.speaker ?? ''
  return { ...mention, subject }
}
