/** The search API's plain-data shapes: what goes into the index and what comes out (worker-safe, no classes). */
import type { Annotation, Claim, Reliability, Source, Stance, Tag } from '../model'

export type SearchDocType = 'source' | 'annotation' | 'claim'

/** A source as the index needs it: its metadata and its full extracted text. */
export type SearchSource = Pick<Source, 'id' | 'title' | 'outlet' | 'author' | 'reliability'> & {
  text: string
}

export interface SearchInput {
  sources: SearchSource[]
  annotations: Annotation[]
  tags: Tag[]
  claims: Claim[]
}

/** How many notebook items (a source counts once, however many chunks it has) a sync touched. */
export interface SyncReport {
  added: number
  updated: number
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
