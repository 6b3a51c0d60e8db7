/**
 * Sentence spans over the original text. compromise's own sentence splitter finds them; it returns
 * the text cut into consecutive pieces, so each piece's offset is the sum of the lengths before it
 * (UTF-16 units, like every offset here). Tokenising the whole text instead would cost ~30x more.
 */
import nlp from 'compromise'

export interface SentenceSpan {
  start: number
  end: number
  text: string
}

interface SplitterMethods {
  one: { tokenize: { splitSentences: (text: string, world: object) => string[] } }
}

interface OffsetJson {
  offset?: { start: number; length: number }
}

export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = []
  for (const [from, to] of sentencePieces(text)) {
    let start = from
    let end = to
    while (end > start && /\s/.test(text.charAt(end - 1))) end--
    while (start < end && /\s/.test(text.charAt(start))) start++
    if (end > start) spans.push(...splitAfterClosedQuotes(text, start, end))
  }
  return spans
}

function sentencePieces(text: string): Array<[number, number]> {
  const methods = nlp.methods() as Partial<SplitterMethods>
  const pieces = methods.one?.tokenize.splitSentences(text, nlp.world()) ?? []
  if (pieces.join('') !== text) return tokenizedPieces(text)
  let start = 0
  return pieces.map((piece) => [start, (start += piece.length)])
}

/** The slower, documented route, should a compromise release stop returning the text in pieces. */
function tokenizedPieces(text: string): Array<[number, number]> {
  const sentences = nlp.tokenize(text).json({ offset: true }) as OffsetJson[]
  return sentences.flatMap(({ offset }) => (offset ? [[offset.start, offset.start + offset.length]] : []))
}

/**
 * compromise keeps a quotation and the sentence after it together ("…“fake news.” Putin’s spokesman
 * said…"); a full stop inside a closing quote before a capital is a sentence end all the same.
 */
function splitAfterClosedQuotes(text: string, start: number, end: number): SentenceSpan[] {
  const spans: SentenceSpan[] = []
  const boundary = /[.!?][”"’]\s+(?=[\p{Lu}“"])/gu
  boundary.lastIndex = start
  let from = start
  for (let match = boundary.exec(text); match && match.index < end; match = boundary.exec(text)) {
    const to = match.index + 2
    spans.push({ start: from, end: to, text: text.slice(from, to) })
    from = match.index + match[0].length
  }
  spans.push({ start: from, end, text: text.slice(from, end) })
  return spans
}

/**
 * Cheap filter before tagging: tagging is nearly all the cost, and a sentence without a digit, a
 * number word, a day, a month or a reporting cue cannot hold a mention. It lets through about a third
 * of news text, and half of what it lets through still yields nothing; it must never hold back a
 * sentence that would.
 */
const MAY_HOLD_MENTION = new RegExp(
  [
    // Digits standing as a number: not a bare year ("in 2009"), nor in a citation mark ("[12]"), nor
    // glued to letters ("4K", "1080p", "A380"), which are never counts (see number-context.ts).
    '(?<![\\p{L}\\p{N}[])(?!(?:1[5-9]|20)\\d\\d(?![\\d,]|\\.\\d))\\d+(?![\\p{L}\\p{N}\\]])',
    // Number words, but not "one": it counts only a known unit ("one soldier"), so it rarely pays.
    '\\b[Oo]ne (?:soldier|troop|commando|container)',
    '\\b(?:[Tt](?:wo|hree|en|welve|wenty|hirty)|[Ff](?:our|ive|orty|ifty)|[Ss](?:ix|even)|[Ee](?:ight|leven)|[Nn]ine)\\b',
    '\\b(?:[Hh]undred|[Tt]housand|[Mm]illion|[Bb]illion|[Dd]ozen)s?\\b',
    '\\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\\b',
    '\\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\b',
    '\\b[Aa]ccording to\\b',
    '\\b(?:say|said|says|tell|tells|told)\\b',
    '\\b(?:confirm|claim|warn|add|inform|report|reveal|insist|reject)(?:s|ed)?\\b',
    '\\b(?:stat|announc|acknowledg|continu|refut|not)(?:e|es|ed)\\b',
    '\\b(?:admit(?:s|ted)?|den(?:y|ies|ied)|dismiss(?:es|ed)?)\\b',
  ].join('|'),
  'u',
)

export function mayHoldMention(sentence: string): boolean {
  return MAY_HOLD_MENTION.test(sentence)
}
