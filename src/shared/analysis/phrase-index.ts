/**
 * "Does any other source mention this phrase?" over many sources, without their texts: each source
 * brings its distinct words (`wordsOf`, stored with its analysis), which narrow the sources down. A
 * phrase of one word is then answered; a longer one ("UK government") must still be found as written
 * in one of the remaining texts, which the caller reads on request (`lookup` says which).
 *
 * Sources come and go one at a time; the index keeps, for each word a phrase has asked about, the
 * sources holding it, so a new source costs a look at its own words, not a pass over every source.
 */

/** A phrase as the index compares it. */
export interface Phrase {
  /** Normalised (see `normalise`) and trimmed. */
  needle: string
  words: string[]
  /** The needle is one word and nothing else, so the word lists answer it exactly. */
  simple: boolean
}

/** Curly apostrophes and runs of spaces should not make "Korea’s" and "Korea's" differ. */
const normalise = (text: string) => text.toLowerCase().replace(/[‘’]/g, "'").replace(/\s+/g, ' ')
const wordsIn = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? []

export function phraseOf(text: string): Phrase {
  const needle = normalise(text).trim()
  const words = [...new Set(wordsIn(needle))]
  return { needle, words, simple: words.length === 1 && words[0] === needle }
}

/** A text's distinct words, as the index takes them. */
export function wordsOf(text: string): string {
  return [...new Set(wordsIn(normalise(text)))].join(' ')
}

/** The phrase as whole words: "UK" is not inside "Ukraine". */
export function containsPhrase(text: string, phrase: Phrase): boolean {
  const haystack = normalise(text)
  const { needle } = phrase
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack.charAt(at - 1)
    const after = haystack.charAt(at + needle.length)
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true
  }
  return false
}

/** Past this many new words, one pass over every source's words beats a search per word. */
const WORDS_PER_SEARCH = 16
const NOBODY: ReadonlySet<string> = new Set()

export class PhraseIndex {
  /** Each source's words, padded (' korea russia ') so that a word is found whole. */
  private readonly wordsBySource = new Map<string, string>()
  /** For each word a phrase has asked about, the sources that hold it. */
  private readonly holders = new Map<string, Set<string>>()
  /** Longer phrases found (true) or not (false) in a source's text. */
  private readonly found = new Map<string, Map<string, boolean>>()

  add(sourceId: string, words: string): void {
    this.wordsBySource.set(sourceId, ` ${words} `)
    if (this.holders.size === 0) return
    const own = new Set(words.split(' '))
    for (const [word, sources] of this.holders) if (own.has(word)) sources.add(sourceId)
  }

  remove(sourceId: string): void {
    this.wordsBySource.delete(sourceId)
    for (const sources of this.holders.values()) sources.delete(sourceId)
    for (const answers of this.found.values()) answers.delete(sourceId)
  }

  /** Learns which sources hold each of these words, for the lookups to come. */
  track(words: Iterable<string>): void {
    const missing = [...new Set(words)].filter((word) => !this.holders.has(word))
    for (const word of missing) this.holders.set(word, new Set())
    if (missing.length > WORDS_PER_SEARCH) return this.trackInOnePass(missing)
    for (const word of missing) {
      const sources = this.holders.get(word)!
      for (const [sourceId, padded] of this.wordsBySource)
        if (padded.includes(` ${word} `)) sources.add(sourceId)
    }
  }

  /**
   * One pass over every source's words, hashing each in place and comparing only on a hash match:
   * no word is cut out as a string of its own, which at a thousand sources (hundreds of thousands
   * of words) is most of the time and the garbage.
   */
  private trackInOnePass(words: readonly string[]): void {
    const byHash = new Map<number, string[]>()
    for (const word of words) {
      const hash = hashWord(word, 0, word.length)
      byHash.set(hash, [...(byHash.get(hash) ?? []), word])
    }
    for (const [sourceId, padded] of this.wordsBySource) {
      for (let start = 1; start < padded.length;) {
        const end = padded.indexOf(' ', start)
        for (const word of byHash.get(hashWord(padded, start, end)) ?? []) {
          if (word.length === end - start && padded.startsWith(word, start))
            this.holders.get(word)!.add(sourceId)
        }
        start = end + 1
      }
    }
  }

  /**
   * Whether a source other than `except` names the phrase (its words tracked first): true, false, or
   * the source whose text must be read to tell (then `confirm` it and ask again).
   */
  lookup(phrase: Phrase, except: string): boolean | { read: string } {
    if (phrase.words.length === 0) return false
    const lists = phrase.words.map((word) => this.holders.get(word) ?? NOBODY)
    // Every word must be in the source, so the rarest word's sources are the only candidates.
    const rarest = lists.reduce((a, b) => (b.size < a.size ? b : a))
    const answers = this.found.get(phrase.needle)
    for (const sourceId of rarest) {
      if (sourceId === except || !lists.every((list) => list.has(sourceId))) continue
      if (phrase.simple) return true
      const answer = answers?.get(sourceId)
      if (answer === undefined) return { read: sourceId }
      if (answer) return true
    }
    return false
  }

  /** Records whether a source's text holds the phrase, as `lookup` asked. */
  confirm(phrase: Phrase, sourceId: string, text: string): void {
    const answers = this.found.get(phrase.needle) ?? new Map<string, boolean>()
    answers.set(sourceId, containsPhrase(text, phrase))
    this.found.set(phrase.needle, answers)
  }
}

/** FNV-1a over `text[from, to)`, by UTF-16 unit. */
function hashWord(text: string, from: number, to: number): number {
  let hash = 0x811c9dc5
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return hash >>> 0
}
