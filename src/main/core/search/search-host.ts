/**
 * The search side of one open notebook, as the search worker runs it (search-worker.ts is only its
 * message loop, so this runs in a plain test too). It holds the index and the texts, off main's thread:
 *
 * - open: loads the saved index from the notebook folder (or starts empty), checks every item against
 *   the records main sent (fingerprints: values, and for texts their hash and file size and time),
 *   re-indexes what differs a batch at a time, then saves the index when anything changed;
 * - change: re-indexes what one edit changed, reading a new source's text from the folder;
 * - query: while building, answers at once from what is indexed so far, saying how far it has got;
 *   otherwise after the changes sent before it, so an edit is searchable as soon as it is saved.
 */
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { NotebookSearch } from '../../../shared/search'
import type {
  SearchAnswer,
  SearchChange,
  SearchFilters,
  SearchInput,
  SearchSource,
} from '../../../shared/search'
import type { IndexedEntity } from '../../../shared/search/documents'
import type { RecordChange, SearchRecords, SourceRecord } from './search-records'
import { readSearchIndex, writeSearchIndex } from './search-index-file'

/** Items indexed between two looks at the message queue: a few milliseconds' work. */
const BATCH = 200
/** Texts read at once: few, so main's saves (which share Node's file threads) never queue behind many. */
const READS = 8
/** An edited index is saved this long after the last edit (and when the notebook closes). */
const SAVE_AFTER_MS = 15_000

export interface HostStats {
  /** Times an index was built or checked from the records (one per open, one per reset). */
  builds: number
  /** Whether the last open found a saved index it could use. */
  loadedSaved: boolean
  /** Items the last open or reset had to (re)index. */
  reindexed: number
  /** Documents put into and taken out of the index since it was made. */
  counts: { added: number; removed: number }
  documents: number
  saves: number
  /** Where the last open or reset spent its time (ms), in the worker. */
  timings: { load: number; texts: number; check: number; index: number; save: number; total: number }
}

export class SearchHost {
  private search = new NotebookSearch()
  private tail: Promise<unknown> = Promise.resolve()
  private progress: { done: number; total: number } | null = null
  /** Opens and resets waiting for their records, in the order they were asked for. */
  private readonly gathering: Array<{
    records: SearchRecords
    left: number
    done: (records: SearchRecords) => void
  }> = []
  private ready = false
  private readonly texts = new Map<string, { key: string; text: string }>()
  private dirty = false
  private saveTimer: NodeJS.Timeout | null = null
  private readonly stats: HostStats = {
    builds: 0,
    loadedSaved: false,
    reindexed: 0,
    counts: { added: 0, removed: 0 },
    documents: 0,
    saves: 0,
    timings: { load: 0, texts: 0, check: 0, index: 0, save: 0, total: 0 },
  }

  constructor(
    private readonly dir: string,
    /** False for a read-only notebook: its folder is not ours to write to. */
    private readonly persist: boolean,
  ) {}

  /** Runs `work` after everything queued before it. */
  private enqueue<T>(work: () => Promise<T> | T): Promise<T> {
    const next = this.tail.then(work)
    this.tail = next.catch(() => undefined)
    return next
  }

  /** Opens the index for a notebook whose records arrive next, in `parts` messages. */
  open(parts: number): Promise<void> {
    // From now on a query says the index is on its way instead of waiting for it.
    this.progress = { done: 0, total: 0 }
    const records = this.receive(parts)
    return this.enqueue(async () => {
      const started = performance.now()
      const saved = await readSearchIndex(this.dir)
      const loaded = saved ? safely(() => NotebookSearch.load<unknown>(saved)) : null
      this.stats.loadedSaved = loaded !== null
      this.search = loaded?.search ?? new NotebookSearch()
      const load = performance.now() - started
      await this.build(await records, loaded === null, load)
    })
  }

  /** The notebook was replaced under main's feet (a backup restored): check everything again. */
  reset(parts: number): Promise<void> {
    const records = this.receive(parts)
    return this.enqueue(async () => this.build(await records, false, 0))
  }

  /** One part of the records an open or reset is waiting for. */
  records(part: Partial<SearchRecords>): void {
    const gathering = this.gathering[0]
    if (!gathering) return
    for (const list of ['sources', 'annotations', 'claims', 'tags'] as const)
      for (const record of part[list] ?? []) (gathering.records[list] as unknown[]).push(record)
    if (--gathering.left > 0) return
    this.gathering.shift()
    gathering.done(gathering.records)
  }

  private receive(parts: number): Promise<SearchRecords> {
    return new Promise((done) => {
      const records: SearchRecords = { sources: [], annotations: [], claims: [], tags: [] }
      if (parts === 0) done(records)
      else this.gathering.push({ records, left: parts, done })
    })
  }

  private async build(records: SearchRecords, unsaved: boolean, load: number): Promise<void> {
    const timings = { load, texts: 0, check: 0, index: 0, save: 0, total: 0 }
    let at = performance.now()
    const lap = (phase: Exclude<keyof typeof timings, 'total' | 'load'>) => {
      const now = performance.now()
      timings[phase] = now - at
      at = now
    }
    this.stats.builds++
    this.ready = false
    this.progress = { done: 0, total: itemCount(records) }
    try {
      const input: SearchInput = { ...records, sources: await this.withTexts(records.sources) }
      lap('texts')
      const { pending } = this.search.reconcile(input)
      lap('check')
      this.ready = true
      this.stats.reindexed = pending.length
      this.progress.done = this.progress.total - pending.length
      // Annotations and claims first: few words each, so most of the notebook is searchable soonest.
      const order = { annotation: 0, claim: 1, source: 2 }
      pending.sort((a, b) => order[a.type] - order[b.type])
      for (let from = 0; from < pending.length; from += BATCH) {
        const batch: IndexedEntity[] = pending.slice(from, from + BATCH)
        this.search.indexEntities(batch)
        this.progress.done += batch.length
        await breather()
      }
      lap('index')
      this.progress = null
      if (pending.length > 0 || unsaved) await this.save()
      lap('save')
      timings.total = timings.load + timings.texts + timings.check + timings.index + timings.save
      this.stats.timings = timings
    } finally {
      this.ready = true
      this.progress = null
    }
  }

  change(change: RecordChange): Promise<void> {
    return this.enqueue(async () => {
      const { sources, ...rest } = change
      const applied: SearchChange = { ...rest }
      if (sources) applied.sources = { removed: sources.removed, added: await this.withTexts(sources.added) }
      this.search.apply(applied)
      this.dirty = true
      this.scheduleSave()
    })
  }

  query(query: string, filters: SearchFilters | undefined, limit: number): Promise<SearchAnswer> {
    const answer = (): SearchAnswer => ({
      hits: this.ready ? this.search.search(query, filters, limit) : [],
      indexing: this.progress && { ...this.progress },
    })
    // While the index is being built a query does not wait for the build: it gets what is ready.
    return this.progress ? Promise.resolve(answer()) : this.enqueue(answer)
  }

  /** Saves the index now if it changed since it was last saved (the notebook is closing). */
  flush(): Promise<void> {
    return this.enqueue(() => (this.dirty ? this.save() : undefined))
  }

  getStats(): HostStats {
    return {
      ...this.stats,
      counts: { ...this.search.counts },
      documents: this.search.documentCount,
    }
  }

  private scheduleSave(): void {
    if (!this.persist) return
    if (this.saveTimer) clearTimeout(this.saveTimer)
    this.saveTimer = setTimeout(() => void this.flush().catch(() => undefined), SAVE_AFTER_MS)
    this.saveTimer.unref()
  }

  private async save(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer)
    this.saveTimer = null
    this.dirty = false
    if (!this.persist) return
    await writeSearchIndex(this.dir, this.search.save({ savedAt: new Date().toISOString() }))
    this.stats.saves++
  }

  /** Sources with their texts, read once per text; a missing text is indexed as empty. */
  private async withTexts(records: readonly SourceRecord[]): Promise<SearchSource[]> {
    const out: SearchSource[] = []
    for (let at = 0; at < records.length; at += READS) {
      const batch = records.slice(at, at + READS)
      const texts = await Promise.all(batch.map((record) => this.textOf(record.textSha256)))
      batch.forEach(({ textSha256: _sha, ...record }, i) =>
        out.push({ ...record, text: texts[i]!.text, textKey: texts[i]!.key }),
      )
    }
    return out
  }

  /**
   * A text, with what identifies it for fingerprints: its hash and its file's size and time, so a text
   * file changed while the app was closed (it should never be) is indexed afresh.
   */
  private async textOf(sha: string): Promise<{ key: string; text: string }> {
    const known = this.texts.get(sha)
    if (known) return known
    const path = join(this.dir, 'texts', `${sha}.txt`)
    let found = { key: `${sha}:missing`, text: '' }
    try {
      const [info, text] = await Promise.all([stat(path), readFile(path, 'utf8')])
      found = { key: `${sha}:${info.size}:${info.mtimeMs}`, text }
    } catch {
      // Indexed as empty: the source can still be found by its title.
    }
    this.texts.set(sha, found)
    return found
  }
}

const itemCount = (records: SearchRecords) =>
  records.sources.length + records.annotations.length + records.claims.length

function safely<T>(work: () => T): T | null {
  try {
    return work()
  } catch {
    return null
  }
}

/** Lets queued messages (queries) in between two batches. */
function breather(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
