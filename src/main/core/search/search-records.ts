/**
 * What main tells the search worker about the notebook: the records as search reads them (no texts:
 * the worker reads those from the notebook folder itself), in full on open and as changed records on
 * each edit. Structured-cloned to the worker, so only the fields search uses are sent.
 */
import type { NotebookData } from '../../../shared/model'
import type { SearchAnnotation, SearchClaim, SearchTag } from '../../../shared/search'
import type { NotebookChanges } from '../storage/record-diff'

/** A source without its text, which is named by its hash. */
export interface SourceRecord {
  id: string
  title: string
  outlet: string
  author: string
  reliability: NotebookData['sources'][number]['reliability']
  textSha256: string
}

export interface SearchRecords {
  sources: SourceRecord[]
  annotations: SearchAnnotation[]
  claims: SearchClaim[]
  tags: SearchTag[]
}

/** One edit, as SearchChange but with sources still to be read. */
export interface RecordChange {
  sources?: { removed: string[]; added: SourceRecord[] }
  annotations?: { removed: string[]; added: SearchAnnotation[] }
  claims?: { removed: string[]; added: SearchClaim[] }
  tags?: SearchTag[]
}

const sourceRecord = (s: NotebookData['sources'][number]): SourceRecord => ({
  id: s.id,
  title: s.title,
  outlet: s.outlet,
  author: s.author,
  reliability: s.reliability,
  textSha256: s.textSha256,
})

const annotationRecord = (a: NotebookData['annotations'][number]): SearchAnnotation => ({
  id: a.id,
  sourceId: a.sourceId,
  kind: a.kind,
  comment: a.comment,
  tagIds: a.tagIds,
  target: {
    quote: { exact: a.target.quote.exact },
    position: { start: a.target.position.start, end: a.target.position.end },
  },
})

const claimRecord = (c: NotebookData['claims'][number]): SearchClaim => ({
  id: c.id,
  statement: c.statement,
  links: c.links,
  credibility: c.credibility,
  tagIds: c.tagIds,
})

const tagRecord = (t: NotebookData['tags'][number]): SearchTag => ({
  id: t.id,
  name: t.name,
  parentId: t.parentId,
})

/** Records sent in one message: copying 2,000 takes main a few milliseconds. */
const PART_SIZE = 2000

/**
 * A notebook's records in parts, projected part by part, so that main, which sends them to the worker
 * (a copy of each), never stops for long: 60,000 records at once would hold it up for seconds.
 */
export function recordParts(data: Readonly<NotebookData> | SearchRecords): {
  count: number
  parts: Iterable<Partial<SearchRecords>>
} {
  const project = isSearchRecords(data)
  const lists = [
    ['sources', data.sources, project ? null : sourceRecord],
    ['annotations', data.annotations, project ? null : annotationRecord],
    ['claims', data.claims, project ? null : claimRecord],
  ] as const
  const count = 1 + lists.reduce((sum, [, list]) => sum + Math.ceil(list.length / PART_SIZE), 0)
  function* parts(): Generator<Partial<SearchRecords>> {
    yield { tags: project ? data.tags : data.tags.map(tagRecord) } as Partial<SearchRecords>
    for (const [name, list, map] of lists)
      for (let at = 0; at < list.length; at += PART_SIZE) {
        const slice = list.slice(at, at + PART_SIZE) as unknown[]
        yield {
          [name]: map ? slice.map(map as (record: unknown) => unknown) : slice,
        } as Partial<SearchRecords>
      }
  }
  return { count, parts: parts() }
}

function isSearchRecords(data: Readonly<NotebookData> | SearchRecords): data is SearchRecords {
  return !('meta' in data)
}

/** The records an edit changed (null when none that search reads: a brief, the notebook's name). */
export function recordChange(changes: NotebookChanges, data: Readonly<NotebookData>): RecordChange | null {
  const change: RecordChange = {}
  const ids = (records: ReadonlyArray<{ id: string }>) => records.map((record) => record.id)
  const { sources, annotations, claims, tags } = changes
  if (sources.added.length + sources.removed.length > 0)
    change.sources = { removed: ids(sources.removed), added: sources.added.map(sourceRecord) }
  if (annotations.added.length + annotations.removed.length > 0)
    change.annotations = { removed: ids(annotations.removed), added: annotations.added.map(annotationRecord) }
  if (claims.added.length + claims.removed.length > 0)
    change.claims = { removed: ids(claims.removed), added: claims.added.map(claimRecord) }
  if (tags.added.length + tags.removed.length > 0) change.tags = data.tags.map(tagRecord)
  return Object.keys(change).length > 0 ? change : null
}
