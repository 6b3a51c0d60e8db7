/** The messages between main's SearchService and the search worker: one request, one answer, by id. */
import type { SearchAnswer, SearchFilters } from '../../../shared/search'
import type { HostStats } from './search-host'
import type { RecordChange, SearchRecords } from './search-records'

/**
 * `open` and `reset` are each followed by `parts` `records` messages: the notebook's records in parts,
 * which the worker gathers before building (and changes sent after them wait for that build).
 */
export type SearchRequest =
  | { kind: 'open'; parts: number }
  | { kind: 'reset'; parts: number }
  | { kind: 'records'; part: Partial<SearchRecords> }
  | { kind: 'change'; change: RecordChange }
  | { kind: 'query'; query: string; filters: SearchFilters | undefined; limit: number }
  | { kind: 'flush' }
  | { kind: 'stats' }

/** What each request answers. */
export interface SearchReplies {
  open: void
  reset: void
  records: void
  change: void
  query: SearchAnswer
  flush: void
  stats: HostStats
}

/** How the worker starts: which notebook, and whether it may save the index into its folder. */
export interface SearchWorkerData {
  dir: string
  persist: boolean
}

export type WorkerMessage = { id: number; request: SearchRequest }
export type WorkerReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string }
