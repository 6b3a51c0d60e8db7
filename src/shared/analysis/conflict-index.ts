/**
 * The conflict finder's standing state over a notebook: every source's stored analysis, grouped and
 * weighed as sources come and go, so a new source costs its own mentions, not a pass over all of them.
 * It never reads a text itself: the few it needs (to tell whether another source names a speaker of
 * several words) it asks for, through `textsWanted` and `confirmIn`.
 */
import { GroupIndex } from './grouping'
import type { Phrase } from './phrase-index'
import { PhraseIndex, phraseOf } from './phrase-index'
import { findSingletons } from './singletons'
import type { ConflictGroup, Singleton, SingletonCandidate, TextAnalysis } from './types'

export interface IndexedSource {
  id: string
  /** What the analysis was made from (the text's hash): a source whose key changes is analysed anew. */
  key: string
}

interface Held {
  key: string
  candidates: readonly SingletonCandidate[]
  phrases: Map<string, Phrase>
}

export class ConflictIndex {
  private readonly held = new Map<string, Held>()
  private readonly groups = new GroupIndex()
  private readonly phrases = new PhraseIndex()
  private order: string[] = []
  /** Sources came or went since the phrases' words were last tracked. */
  private untracked = true

  /** The key each source was indexed under, so a caller loads only the analyses it lacks. */
  keyOf(sourceId: string): string | undefined {
    return this.held.get(sourceId)?.key
  }

  /**
   * Makes the index hold exactly these sources, in this order. `analysisOf` is called only for the
   * sources it does not hold yet (or holds under another key).
   */
  sync(sources: readonly IndexedSource[], analysisOf: (source: IndexedSource) => TextAnalysis): void {
    const wanted = new Map(sources.map((source) => [source.id, source]))
    for (const [id, held] of this.held) if (wanted.get(id)?.key !== held.key) this.remove(id)
    for (const source of sources) if (!this.held.has(source.id)) this.add(source, analysisOf(source))
    this.order = sources.map((source) => source.id)
    this.groups.setOrder(this.order)
    this.untracked = true
  }

  private add(source: IndexedSource, analysis: TextAnalysis): void {
    const phrases = new Map<string, Phrase>()
    for (const candidate of analysis.candidates)
      for (const text of [candidate.phrase, ...candidate.parties.map((party) => party.phrase)])
        phrases.set(text, phraseOf(text))
    this.held.set(source.id, { key: source.key, candidates: analysis.candidates, phrases })
    this.groups.add(source.id, analysis)
    this.phrases.add(source.id, analysis.words)
  }

  private remove(sourceId: string): void {
    this.held.delete(sourceId)
    this.groups.remove(sourceId)
    this.phrases.remove(sourceId)
  }

  /** Sources whose text must be read before `report` can tell who else names a speaker. */
  textsWanted(): string[] {
    const wanted = new Set<string>()
    this.weighSingletons((read) => wanted.add(read))
    return [...wanted]
  }

  /** The texts `textsWanted` asked for, by source id ('' for one that cannot be read: it names nobody). */
  confirmIn(texts: ReadonlyMap<string, string>): void {
    this.weighSingletons((read, phrase) => {
      const text = texts.get(read)
      if (text !== undefined) this.phrases.confirm(phrase, read, text)
    })
  }

  /** Groups and single-source statements; every text `textsWanted` asked for must have been given. */
  report(): { groups: ConflictGroup[]; singletons: Singleton[] } {
    const singletons = this.weighSingletons(() => {
      throw new Error('ConflictIndex.report: a text it needs was not given (see textsWanted).')
    })
    return { groups: this.groups.report(), singletons }
  }

  /** Runs the single-source rules; `unsure` hears of each lookup that needs a text read. */
  private weighSingletons(unsure: (read: string, phrase: Phrase) => void): Singleton[] {
    const sources = this.order.map((sourceId) => ({ sourceId, ...this.held.get(sourceId)! }))
    if (this.untracked) {
      const words = new Set<string>()
      for (const { phrases } of sources)
        for (const phrase of phrases.values()) for (const word of phrase.words) words.add(word)
      this.phrases.track(words)
      this.untracked = false
    }
    return findSingletons(sources, (text, i) => {
      const { sourceId, phrases } = sources[i]!
      const phrase = phrases.get(text) ?? phraseOf(text)
      const answer = this.phrases.lookup(phrase, sourceId)
      if (typeof answer === 'boolean') return answer
      unsure(answer.read, phrase)
      // Unsure counts as named elsewhere until the text is read: report() never gets this far.
      return true
    })
  }
}
