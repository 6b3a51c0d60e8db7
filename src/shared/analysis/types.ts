/**
 * The conflict finder's data: mentions found in one text, and the cross-source report built from them.
 * Every offset is a UTF-16 index into the source's `text`, so `text.slice(start, end)` is the mention.
 */

export interface AnalysisSource {
  id: string
  outlet: string
  title: string
  text: string
}

interface MentionSpan {
  /** Where the mention is: `text.slice(start, end) === mention.text`. */
  start: number
  end: number
  /** The sentence holding it, for display and for annotating the whole statement. */
  sentenceStart: number
  sentenceEnd: number
  text: string
}

export interface QuantityMention extends MentionSpan {
  kind: 'quantity'
  /** `null` for vague counts in words ("thousands of troops"). */
  value: number | null
  /** The counted noun as written, lowercased: 'soldiers', 'special forces', 'containers'. */
  unit: string
  /** Synonyms folded together ('soldiers', 'commandos' → 'troops') so different wordings group. */
  category: string
  /** Words between the number and the unit, lowercased: 'north korean special', 'major u.s.'. */
  modifier: string
  /** The nationality in the modifier ('north korean', 'russian'), or '': whose troops. */
  owner: string
  approx: boolean
  /** 'about', 'at least', 'more than'… or '' when the number is given flat. */
  qualifier: string
}

export type Weekday = 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday' | 'Sunday'

export interface DateMention extends MentionSpan {
  kind: 'date'
  weekday?: Weekday
  /** Only when day, month and year are all written. */
  iso?: string
  /** Lemma of the verb the date attaches to ('say', 'confirm', 'sign'), or ''. */
  event: string
  /** Who did it: the resolved speaker for statements ('Lloyd Austin'), else the verb's subject, or ''. */
  subject: string
}

export interface AttributionMention extends MentionSpan {
  kind: 'attribution'
  /** Canonical speaker: a person's full name when the text gives it anywhere, else the phrase as written. */
  speaker: string
  /** The speaker is a named person (else an institution, a place, a group: 'the Pentagon', 'officials'). */
  person: boolean
  /** The speaker as written in this sentence ('Austin', 'He', 'the U.S. defense secretary'). */
  speakerStart: number
  speakerEnd: number
  /** Every named party in the subject ("the UK government, along with North Korea and Russia"). */
  parties: string[]
  /** The reporting cue, normalised to the past tense: 'said', 'according to', 'told', 'denied'… */
  cue: string
}

export type Mention = QuantityMention | DateMention | AttributionMention

export interface GroupMention {
  sourceId: string
  mention: QuantityMention | DateMention
  /** Nearest attribution speaker in the same sentence, or ''. */
  attributedTo: string
}

export interface GroupValue {
  value: string
  sourceIds: string[]
}

export interface ConflictGroup {
  /** Stable across runs: a hash of kind and topic. */
  id: string
  kind: 'quantity' | 'date'
  /** 'troops', 'containers', or for dates 'Lloyd Austin: statement'. */
  topic: string
  mentions: GroupMention[]
  values: GroupValue[]
  /** True when the sources give different values. */
  conflicting: boolean
}

export interface Singleton {
  id: string
  sourceId: string
  sentenceStart: number
  sentenceEnd: number
  text: string
  /** The speaker or party that makes this sentence single-sourced, or ''. */
  speaker: string
  reason: string
}

/**
 * Everything the conflict finder needs from one text, worked out once (in a worker, where compromise
 * runs) and stored beside the text under its hash: the mentions, and what depends on this text alone.
 * Comparing sources then needs no text and no tagger.
 */
export interface TextAnalysis {
  /** The extractor that made it (`ANALYSIS_VERSION`): an analysis from another one is made again. */
  version: number
  mentions: Mention[]
  /** For each mention, the speaker it is attributed to (see `attributedTo`); '' for attributions. */
  attributedTo: string[]
  /** The statements that would be single-sourced were no other source to name their speaker. */
  candidates: SingletonCandidate[]
  /** The text's distinct words, lowercased, space-separated: which sources name a speaker. */
  words: string
}

/** A denial, or a quote from a named speaker, as `findSingletons` weighs it against other sources. */
export interface SingletonCandidate {
  kind: 'denial' | 'quote'
  sentenceStart: number
  sentenceEnd: number
  /** The sentence, as the finding shows it. */
  text: string
  speaker: string
  cue: string
  /** Denials: each denying party, and the phrase another source would name it by. */
  parties: Array<{ name: string; phrase: string }>
  /** Quotes: how another source would name the speaker. */
  phrase: string
}

export interface ConflictReport {
  groups: ConflictGroup[]
  singletons: Singleton[]
  /** Every mention per source, in source order, for highlighting. */
  mentionsBySource: Array<{ sourceId: string; mentions: Mention[] }>
}

export type SuggestedStance = 'supports' | 'contradicts' | 'mentions'

export interface ClaimSuggestion {
  statement: string
  links: Array<{
    sourceId: string
    start: number
    end: number
    stance: SuggestedStance
    attributedTo: string
  }>
}
