/**
 * Sentence spans over the original text. compromise's tokenizer (no tagging, so it is cheap) finds the
 * sentences; its offsets count UTF-16 units but leave out an opening quote and keep trailing whitespace,
 * so each span is re-anchored on the text itself.
 */
import nlp from 'compromise'

export interface SentenceSpan {
  start: number
  end: number
  text: string
}

interface OffsetJson {
  offset?: { start: number; length: number }
}

const OPENING_PUNCTUATION = /[“"‘'([{«]/

export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = []
  const sentences = nlp.tokenize(text).json({ offset: true }) as OffsetJson[]
  let floor = 0
  for (const sentence of sentences) {
    if (!sentence.offset) continue
    let start = Math.max(floor, sentence.offset.start)
    let end = Math.min(text.length, sentence.offset.start + sentence.offset.length)
    while (start > floor && OPENING_PUNCTUATION.test(text.charAt(start - 1))) start--
    while (end > start && /\s/.test(text.charAt(end - 1))) end--
    while (start < end && /\s/.test(text.charAt(start))) start++
    if (end <= start) continue
    spans.push({ start, end, text: text.slice(start, end) })
    floor = end
  }
  return spans
}

/**
 * Cheap filter before tagging: tagging is most of the cost, and a sentence without a digit, a number
 * word, a day, a month or a reporting cue cannot hold a mention.
 */
const MAY_HOLD_MENTION = new RegExp(
  [
    '\\d',
    '\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen)',
    '\\b(?:mon|tues|wednes|thurs|fri|satur|sun)day',
    '\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\b',
    '\\baccording to\\b',
    '\\b(?:say|said|tell|told|confirm|claim|warn|add|stat|announc|inform|noted?\\b|notes\\b|report|reveal|insist|admit|acknowledg|continu|den(?:y|ie|ial)|reject|dismiss|refut)',
  ].join('|'),
  'i',
)

export function mayHoldMention(sentence: string): boolean {
  return MAY_HOLD_MENTION.test(sentence)
}
