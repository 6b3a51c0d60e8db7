/**
 * Days and dates in one tagged sentence ("said Wednesday", "Oct. 23", "October 23, 2024",
 * "mid-October"), each with the verb it attaches to, so that "Austin said Tuesday" and "Austin confirmed
 * Monday" can be compared as the same statement.
 */
import { MONTH_NUMBER, WEEKDAYS } from './lexicon'
import { isBetweenSubjectAndVerb, phraseEndingAt } from './noun-phrase'
import type { SentenceSpan } from './sentences'
import type { SpeakerPhrase } from './speaker-phrase'
import { describeSpeaker } from './speaker-phrase'
import type { Token } from './tokens'
import { endsPhrase, has, isCapitalized, isMainVerb } from './tokens'
import type { DateMention } from './types'

export interface RawDate {
  mention: Omit<DateMention, 'subject'>
  /** Offset of the verb the date attaches to, or -1. */
  eventStart: number
  /** The verb's grammatical subject, when it has one before it. */
  subjectPhrase: SpeakerPhrase | null
}

const MONTH_NAME = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*$/i
const MONTH_CONTEXT: ReadonlySet<string> = new Set(
  'in since by until from of early late mid last next this before after during on'.split(' '),
)
const PREFIXES: ReadonlySet<string> = new Set(['mid', 'early', 'late'])
const EVENT_REACH_LEFT = 10
const EVENT_REACH_RIGHT = 10

export function findDates(text: string, tokens: readonly Token[], sentence: SentenceSpan): RawDate[] {
  const found: RawDate[] = []
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    const weekday = WEEKDAYS.find((day) => day === token.text)
    const span = weekday
      ? { from: i, to: i, iso: undefined }
      : isMonth(tokens, i)
        ? monthSpan(tokens, i)
        : null
    if (!span) continue
    const start = tokens[span.from]!.start
    let end = tokens[span.to]!.end
    // "Oct." keeps its full stop when nothing follows it.
    if (span.to === i && has(token, 'Abbreviation') && text.charAt(end) === '.') end++
    const event = eventIndex(tokens, span.from, span.to)
    found.push({
      mention: {
        kind: 'date',
        start,
        end,
        sentenceStart: sentence.start,
        sentenceEnd: sentence.end,
        text: text.slice(start, end),
        ...(weekday ? { weekday } : {}),
        ...(span.iso ? { iso: span.iso } : {}),
        event: event < 0 ? '' : tokens[event]!.root.toLowerCase(),
      },
      eventStart: event < 0 ? -1 : tokens[event]!.start,
      subjectPhrase: event < 0 ? null : subjectBefore(text, tokens, event),
    })
    i = span.to
  }
  return found
}

function isMonth(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!
  if (!isCapitalized(token) || !MONTH_NAME.test(token.normal)) return false
  if (has(token, 'Month')) return true
  // compromise sometimes reads "June," as a person: trust the context instead.
  return MONTH_CONTEXT.has(tokens[i - 1]?.normal ?? '') || /^\d{1,4}$/.test(tokens[i + 1]?.text ?? '')
}

function monthSpan(
  tokens: readonly Token[],
  i: number,
): { from: number; to: number; iso: string | undefined } {
  const month = MONTH_NUMBER.get(tokens[i]!.normal.slice(0, 3)) ?? 0
  const before = tokens[i - 1]
  const from = before && PREFIXES.has(before.normal) && !endsPhrase(before) ? i - 1 : i
  let to = i
  let day = 0
  let year = 0
  const dayText = tokens[to + 1]?.text ?? ''
  // "In June, 2,600 troops…": a comma after the month means no day follows.
  const isDay = /^\d{1,2}$/.test(dayText) && Number(dayText) >= 1 && Number(dayText) <= 31
  if (isDay && !/[,;]/.test(tokens[to]!.post)) day = Number(tokens[++to]!.text)
  const yearText = tokens[to + 1]?.text ?? ''
  const separator = day ? /[;:]/ : /[,;:]/
  if (/^\d{4}$/.test(yearText) && !separator.test(tokens[to]!.post)) year = Number(tokens[++to]!.text)
  const pad = (n: number) => String(n).padStart(2, '0')
  const iso = day && year && month ? `${year}-${pad(month)}-${pad(day)}` : undefined
  return { from, to, iso }
}

/** The verb a date attaches to: the nearest one before it in the clause, else the next one after. */
function eventIndex(tokens: readonly Token[], from: number, to: number): number {
  for (let j = from - 1; j >= 0 && from - j <= EVENT_REACH_LEFT; j--) {
    if (endsPhrase(tokens[j])) break
    if (isEventVerb(tokens, j)) return j
  }
  for (let j = to + 1; j < tokens.length && j - to <= EVENT_REACH_RIGHT; j++) {
    if (isEventVerb(tokens, j)) return j
    if (endsPhrase(tokens[j])) break
  }
  return -1
}

function isEventVerb(tokens: readonly Token[], j: number): boolean {
  const token = tokens[j]
  if (!isMainVerb(token)) return false
  // "by ship", "in return": a verb right after a preposition is a noun compromise misread.
  const before = tokens[j - 1]
  if (has(before, 'Preposition') && before?.normal !== 'to') return false
  // "his neighboring country", "following reports": a gerund before a noun works as an adjective.
  return !(has(token, 'Gerund') && j > 0 && has(tokens[j + 1], 'Noun') && !has(tokens[j + 1], 'Pronoun'))
}

function subjectBefore(text: string, tokens: readonly Token[], verb: number): SpeakerPhrase | null {
  let head = verb - 1
  while (head >= 0 && isBetweenSubjectAndVerb(tokens, head) && !endsPhrase(tokens[head])) head--
  const phrase = head >= 0 && !endsPhrase(tokens[head]) ? phraseEndingAt(tokens, head) : null
  return phrase ? describeSpeaker(text, tokens, ...phrase) : null
}
