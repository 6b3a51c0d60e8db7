/**
 * Search as main runs it: a real worker thread (from source, through tsx) on real sample notebooks in
 * temp folders. What each edit costs is read from the worker's own counts of documents indexed.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { NotebookSearch, type SearchHit } from '../../shared/search'
import { chunkText } from '../../shared/search/chunk'
import { updateAnnotation } from './annotations'
import { NotebookStore } from './notebook-store'
import { editById } from './records'
import { createSampleNotebook } from './sample-notebook'
import { searchIndexPath } from './search/search-index-file'
import { SearchService } from './search-service'

const SAMPLE_DIR = join(import.meta.dirname, '..', '..', '..', 'resources', 'sample')
const QUERIES = ['troops', 'Kirb', 'Pyongyag', '"3,000 soldiers"', 'deployment', '12,000', 'korea russia']

let root = ''
const services: SearchService[] = []
const stores: NotebookStore[] = []

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'corroborate-search-'))
})
afterEach(async () => {
  for (const service of services.splice(0)) await service.close()
  for (const store of stores.splice(0)) await store.close()
  await rm(root, { recursive: true, force: true })
})

const notebookDir = () => join(root, 'notebook')

async function sampleNotebook(): Promise<NotebookStore> {
  const store = await createSampleNotebook(notebookDir(), SAMPLE_DIR)
  stores.push(store)
  return store
}

async function reopen(store: NotebookStore): Promise<NotebookStore> {
  await store.close()
  const again = await NotebookStore.open(notebookDir())
  stores.push(again)
  return again
}

function newService(): SearchService {
  const service = new SearchService()
  services.push(service)
  return service
}

async function searched(service: SearchService, store: NotebookStore, query: string): Promise<SearchHit[]> {
  await service.ready(store)
  const answer = await service.search(store, query, {})
  expect(answer.indexing).toBeNull()
  return answer.hits
}

const keys = (hits: SearchHit[]) =>
  [
    ...new Set(
      hits.map((hit) => (hit.type === 'source' ? `source:${hit.sourceId}` : `${hit.type}:${hit.id}`)),
    ),
  ].sort()

describe('SearchService', { timeout: 180_000 }, () => {
  it('answers as an index of the notebook built in place does (what search answered before)', async () => {
    const store = await sampleNotebook()
    const service = newService()
    const reference = new NotebookSearch()
    const texts = await Promise.all(store.data.sources.map((s) => store.readText(s.textSha256)))
    reference.sync({
      sources: store.data.sources.map((s, i) => ({ ...s, text: texts[i]! })),
      annotations: [...store.data.annotations],
      claims: [...store.data.claims],
      tags: [...store.data.tags],
    })
    for (const query of QUERIES)
      expect(await searched(service, store, query)).toEqual(reference.search(query))
    expect(keys(await searched(service, store, '"3,000 soldiers"')).length).toBeGreaterThan(0)
  })

  it('concurrent first queries share one build', async () => {
    const store = await sampleNotebook()
    const service = newService()
    const answers = await Promise.all(QUERIES.map((query) => service.search(store, query, {})))
    // Each answer is either complete or says the index is still being built, never an error.
    for (const answer of answers) expect(answer.indexing === null || answer.hits.length === 0).toBe(true)
    await service.ready(store)
    expect((await service.stats(store)).builds).toBe(1)
    expect(service.workersStarted).toBe(1)
  })

  it('an edit re-indexes only the record it changed', async () => {
    const store = await sampleNotebook()
    const service = newService()
    const annotation = store.data.annotations[0]!
    await service.ready(store)
    const before = await service.stats(store)

    await updateAnnotation(store, annotation.id, { comment: 'Kirby briefed from the podium.' })
    expect(keys(await searched(service, store, 'podium'))).toEqual([`annotation:${annotation.id}`])
    const afterComment = await service.stats(store)
    expect(afterComment.counts.added - before.counts.added).toBe(1)
    expect(afterComment.counts.removed - before.counts.removed).toBe(1)

    // A retitled source: its chunks (the title rides on each), nothing else.
    const source = store.data.sources[1]!
    const chunks = chunkText(await store.readText(source.textSha256)).length
    await store.update((data) => {
      editById(data.sources, source.id, (copy) => void (copy.title = 'Satellite imagery of Wonsan'))
    })
    expect(keys(await searched(service, store, 'satellite wonsan'))).toEqual([`source:${source.id}`])
    const afterTitle = await service.stats(store)
    expect(afterTitle.counts.added - afterComment.counts.added).toBe(chunks)
    expect(afterTitle.counts.removed - afterComment.counts.removed).toBe(chunks)
    expect(afterTitle.builds).toBe(1)
  })

  it('keeps its index beside the notebook: reused on reopen, re-indexing only what changed meanwhile', async () => {
    let store = await sampleNotebook()
    const first = newService()
    const hits = await searched(first, store, 'troops')
    await first.close()
    expect(existsSync(searchIndexPath(notebookDir()))).toBe(true)

    // Reopened unchanged: nothing is indexed again, and it answers alike.
    store = await reopen(store)
    const second = newService()
    expect(await searched(second, store, 'troops')).toEqual(hits)
    expect(await second.stats(store)).toMatchObject({ loadedSaved: true, reindexed: 0, counts: { added: 0 } })
    await second.close()

    // A text file changed while the app was closed (it never should): that source alone is re-indexed.
    const source = store.data.sources[2]!
    const textPath = join(notebookDir(), 'texts', `${source.textSha256}.txt`)
    const text = await readFile(textPath, 'utf8')
    await writeFile(textPath, `${text}\nA late paragraph about Vladikavkaz.\n`)
    store = await reopen(store)
    const third = newService()
    expect(keys(await searched(third, store, 'Vladikavkaz'))).toEqual([`source:${source.id}`])
    expect(await third.stats(store)).toMatchObject({ loadedSaved: true, reindexed: 1 })
    await third.close()

    // A record edited while search was not running: that record alone.
    const annotation = store.data.annotations[0]!
    await updateAnnotation(store, annotation.id, { comment: 'Checked against the wire copy of Wednesday.' })
    store = await reopen(store)
    const fourth = newService()
    expect(keys(await searched(fourth, store, 'wire copy wednesday'))).toEqual([
      `annotation:${annotation.id}`,
    ])
    expect(await fourth.stats(store)).toMatchObject({ loadedSaved: true, reindexed: 1 })
  })

  it('checks the notebook again when a backup replaces it', async () => {
    const store = await sampleNotebook()
    const service = newService()
    const annotation = store.data.annotations[0]!
    const backup = await store.backupNow()
    await updateAnnotation(store, annotation.id, { comment: 'Kirby briefed from the podium.' })
    expect(keys(await searched(service, store, 'podium'))).toEqual([`annotation:${annotation.id}`])

    await store.restore(backup.id)
    expect(await searched(service, store, 'podium')).toEqual([])
    const stats = await service.stats(store)
    expect(stats).toMatchObject({ builds: 2, reindexed: 1 })
  })

  it('rebuilds a saved index it cannot read', async () => {
    const store = await sampleNotebook()
    const first = newService()
    await searched(first, store, 'troops')
    await first.close()
    await writeFile(searchIndexPath(notebookDir()), 'not an index')
    const service = newService()
    expect(keys(await searched(service, store, 'Kirby')).length).toBeGreaterThan(0)
    expect(await service.stats(store)).toMatchObject({ loadedSaved: false })
  })
})
