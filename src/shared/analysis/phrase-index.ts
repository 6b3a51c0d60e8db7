/**
 * "Does any other source mention this phrase?" over many sources without rescanning every text for
 * every phrase: a word index narrows the sources down, then only those few are searched.
 */

export interface PhraseIndex {
  /** True when a source other than `exceptSource` contains the phrase (case-insensitive). */
  appearsElsewhere(phrase: string, exceptSource: number): boolean
}

/** Curly apostrophes and runs of spaces should not make "Korea’s" and "Korea's" differ. */
const normalise = (text: string) => text.toLowerCase().replace(/[‘’]/g, "'").replace(/\s+/g, ' ')
const wordsOf = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? []

export function buildPhraseIndex(texts: readonly string[]): PhraseIndex {
  const normalised = texts.map(normalise)
  const sourcesByWord = new Map<string, number[]>()
  normalised.forEach((text, source) => {
    for (const word of new Set(wordsOf(text))) {
      const list = sourcesByWord.get(word)
      if (list) list.push(source)
      else sourcesByWord.set(word, [source])
    }
  })
  return {
    appearsElsewhere(phrase, exceptSource) {
      const needle = normalise(phrase).trim()
      const lists = wordsOf(needle).map((word) => sourcesByWord.get(word) ?? [])
      if (lists.length === 0) return false
      // Every word must be in the source, so the rarest word's sources are the only candidates.
      const rarest = lists.reduce((a, b) => (b.length < a.length ? b : a))
      return rarest.some((source) => source !== exceptSource && containsPhrase(normalised[source]!, needle))
    },
  }
}

/** The phrase as whole words: "UK" is not inside "Ukraine". */
function containsPhrase(text: string, phrase: string): boolean {
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const before = text.charAt(at - 1)
    const after = text.charAt(at + phrase.length)
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true
  }
  return false
}
