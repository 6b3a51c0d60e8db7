/**
 * Search over the open notebook, kept beside the store in main: before each query the index is
 * brought up to date incrementally (only what changed since the last query is re-indexed), with
 * texts read once per content hash. Typing never waits on it: the renderer is another process.
 */
import { NotebookSearch, type SearchFilters, type SearchHit } from '../../shared/search'
import type { NotebookStore } from './notebook-store'

export class SearchService {
  private index = new NotebookSearch()
  private indexedStore: NotebookStore | null = null
  private readonly texts = new Map<string, string>()

  private async textOf(store: NotebookStore, sha: string): Promise<string> {
    let text = this.texts.get(sha)
    if (text === undefined) {
      text = await store.readText(sha).catch(() => '')
      this.texts.set(sha, text)
    }
    return text
  }

  /** Re-indexes what changed; a different notebook starts a fresh index. */
  async refresh(store: NotebookStore): Promise<void> {
    if (this.indexedStore !== store) {
      this.index = new NotebookSearch()
      this.texts.clear()
      this.indexedStore = store
    }
    const { sources, annotations, tags, claims } = store.data
    const withTexts = await Promise.all(
      sources.map(async (s) => ({
        id: s.id,
        title: s.title,
        outlet: s.outlet,
        author: s.author,
        reliability: s.reliability,
        text: await this.textOf(store, s.textSha256),
      })),
    )
    this.index.sync({ sources: withTexts, annotations, tags, claims })
  }

  async search(
    store: NotebookStore,
    query: string,
    filters: SearchFilters,
    limit = 50,
  ): Promise<SearchHit[]> {
    await this.refresh(store)
    return this.index.search(query, filters, limit)
  }
}
