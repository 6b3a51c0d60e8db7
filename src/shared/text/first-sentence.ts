/**
 * The first sentence of a line of text, for prefilling a title. Plain rules, no tagger: a sentence
 * ends at '.', '!', '?' or '…' followed by a space, unless the full stop closes an abbreviation
 * ("Mr.", "Gen.", "Oct.") or an initialism ("U.S.", "p.m.", "J."). Only the first `MAX_SCANNED`
 * characters are read: a title is cut to a hundred anyway, and a huge first line must cost no more.
 */

const MAX_SCANNED = 1000
const END = /[.!?…]+(?=\s)/g
/** Words that end in a full stop without ending the sentence (lowercase, without the stop). */
const ABBREVIATIONS: ReadonlySet<string> = new Set(
  (
    'mr mrs ms dr prof sr jr st mt ft gen lt col maj capt sgt cmdr adm gov sen rep pres rev hon ' +
    'vol fig dept est approx inc ltd co corp vs etc jan feb mar apr jun jul aug sep sept oct nov dec'
  ).split(' '),
)
/** "U.S.", "p.m.", "e.g.", "J.": letters each followed by a full stop. */
const INITIALISM = /(?:^|[^\p{L}.])(?:\p{L}\.)+$/u

export function firstSentence(line: string): string {
  const text = line.slice(0, MAX_SCANNED)
  for (const match of text.matchAll(END)) {
    const end = match.index + match[0].length
    if (match[0] === '.' && closesAbbreviation(text.slice(0, end))) continue
    return text.slice(0, end)
  }
  return text
}

function closesAbbreviation(upToStop: string): boolean {
  if (INITIALISM.test(upToStop)) return true
  const word = /([\p{L}]+)\.$/u.exec(upToStop)?.[1]?.toLowerCase() ?? ''
  return ABBREVIATIONS.has(word)
}
