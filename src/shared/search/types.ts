/** The search API's plain-data shapes: what goes into the index and what comes out (worker-safe, no classes). */
import type { Annotation, Claim, Reliability, Source, Stance, Tag } from '../model'

export type SearchDocType = 'source' | 'annotation' | 'claim'

/**
 * A source as the index needs it: its metadata and its full extracted text. `textKey`, when given,
 * stands for the text in fingerprints (its hash and file stamp), so a check need not hash the text.
 */
export type SearchSource = Pick<Source, 'id' | 'title' | 'outlet' | 'author' | 'reliability'> & {
  text: string
  textKey?: string
}

/** What search reads of an annotation (a full Annotation will do). */
export type SearchAnnotation = Pick<Annotation, 'id' | 'sourceId' | 'kind' | 'comment' | 'tagIds'> & {
  target: { quote: { exact: string }; position: { start: number; end: number } }
}

/** What search reads of a claim (a full Claim will do). */
export type SearchClaim = Pick<Claim, 'id' | 'statement' | 'links' | 'credibility' | 'tagIds'>

export type SearchTag = Pick<Tag, 'id' | 'name' | 'parentId'>

export interface SearchInput {
  sources: SearchSource[]
  annotations: SearchAnnotation[]
  tags: SearchTag[]
  claims: SearchClaim[]
}

/** Records one edit changed: by type, ids taken out and records put in (an id in both was replaced). */
export interface SearchChange {
  sources?: { removed: string[]; added: SearchSource[] }
  annotations?: { removed: string[]; added: SearchAnnotation[] }
  claims?: { removed: string[]; added: SearchClaim[] }
  /** Every tag, when any changed. */
  tags?: SearchTag[]
}

/** How many notebook items (a source counts once, however many chunks it has) a sync touched. */
export interface SyncReport {
  added: number
  updated: number
  removed: number
}

/** Documents put into and taken out of the index since it was made: what an edit costs, countable. */
export interface IndexCounts {
  added: number
  removed: number
}

/**
 * Every filter given must hold (AND); within one filter any listed value will do (OR). A filter that
 * does not apply to a type excludes that type: asking for tags or stances means "tagged or linked things".
 */
export interface SearchFilters {
  types?: SearchDocType[]
  /** Annotations and claims carrying one of these tags or any tag nested under one (Tag.parentId). */
  tagIds?: string[]
  /** Annotation kind. */
  kinds?: Array<'claim' | 'note'>
  /** Sources themselves, annotations in them, and claims with evidence quoted from them. */
  sourceIds?: string[]
  /** Claims with a link of that stance, and annotations that some claim links with that stance. */
  stances?: Stance[]
  /** Source grade: sources so graded, annotations in them, and claims with evidence quoted from them. */
  reliability?: Reliability[]
  /** Claim grade (1-6). */
  credibility?: number[]
}

export interface SearchHit {
  type: SearchDocType
  /** Annotation id, claim id, or for sources the chunk id (`<sourceId>#<chunk index>`). */
  id: string
  /** The source the hit lies in: for sources and annotations. */
  sourceId?: string
  score: number
  title: string
  /** About 160 characters around the first match, cut at word boundaries, with … where cut. */
  snippet: string
  /**
   * Offsets in the SOURCE TEXT to jump to: for source hits the first matching phrase or term of the
   * chunk (absent when only the title/outlet/author matched); for annotations their anchored position.
   */
  match?: { start: number; end: number }
}

/** A query's answer: the hits, and while the index is still being built, how far it has got. */
export interface SearchAnswer {
  hits: SearchHit[]
  /** Null once every item is indexed; meanwhile hits come from those indexed so far. */
  indexing: { done: number; total: number } | null
}
