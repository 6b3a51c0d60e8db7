/** What the notebook knows about a source, in the shape a citation needs. */
export interface CitedSource {
  id: string
  title: string
  /** The publication: newspaper, wire service or site name. */
  outlet: string
  /** 'First Last' (several joined by 'and' or '&'), or '' when the byline is unknown. */
  author: string
  /** 'YYYY-MM-DD' (or 'YYYY', 'YYYY-MM'), or '' when the date is unknown. */
  published: string
  url: string
  /** ISO date or timestamp of retrieval or import. */
  accessed: string
  /** Pinpoint page for a note; the bibliography cites the whole source. */
  page?: number
  type: 'article-newspaper' | 'webpage' | 'document'
}
