/** Notebook full-text search: see notebook-search.ts. */
export { NotebookSearch } from './notebook-search'
export type {
  IndexCounts,
  SearchAnnotation,
  SearchAnswer,
  SearchChange,
  SearchClaim,
  SearchDocType,
  SearchFilters,
  SearchHit,
  SearchInput,
  SearchSource,
  SearchTag,
  SyncReport,
} from './types'
