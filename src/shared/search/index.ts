/** Notebook full-text search: see notebook-search.ts. */
export { NotebookSearch } from './notebook-search'
export type { SearchDocType, SearchFilters, SearchHit, SearchInput, SearchSource, SyncReport } from './types'
