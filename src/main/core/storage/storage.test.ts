/** The split layout's promises, each checked on real files: migration, journal, bounded writes, backups. */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { annotationFixture, sourceFixture } from '../../../shared/testing/fixtures'
import { expectDomainError } from '../expect-domain-error'
import { listNotebookFiles } from '../testing/folder-hash'
import { renderJson } from './layout'
import { readNotebookFolder } from './read-folder'
import { useTempNotebooks } from '../testing/temp-notebooks'

const notebooks = useTempNotebooks('storage', 'Layout')
const open = notebooks.open

const v1Notebook = (badAnnotation: boolean) => ({
  schemaVersion: 1,
  meta: { id: 'nb', name: 'Old', created: '2026-01-01T00:00:00.000Z' },
  sources: [sourceFixture('s1'), sourceFixture('s2', { imported: '2026-01-02T00:00:00.000Z' })],
  annotations: [
    annotationFixture('a1', 's1', 'first'),
    annotationFixture('a2', 's2', 'second'),
    ...(badAnnotation ? [{ id: 'bad', sourceId: 's1' }] : []),
  ],
  tags: [{ id: 't1', name: 'troops' }],
  claims: [
    {
      id: 'c1',
      statement: 'North Korea sent troops',
      links: [{ annotationId: 'a1', stance: 'supports', attributedTo: '' }],
      credibility: null,
      tagIds: [],
      created: '2026-01-03T00:00:00.000Z',
      modified: '2026-01-03T00:00:00.000Z',
    },
  ],
  briefs: [],
})

describe('migration from version 1 (one notebook.json)', () => {
  it('splits the file into record files, keeps a copy of the old one, and sets a bad record aside', async () => {
    const old = v1Notebook(true)
    await writeFile(join(notebooks.dir, 'notebook.json'), renderJson(old))
    const store = await open()
    expect(store.data.schemaVersion).toBe(2)
    expect(store.data.annotations.map((a) => a.id)).toEqual(['a1', 'a2'])
    expect(store.status.problems.map((p) => p.kind).sort()).toEqual(['migrated', 'quarantined'])
    expect(await readdir(join(notebooks.dir, 'sources'))).toEqual(['s1.json', 's2.json'])
    expect(await readdir(join(notebooks.dir, 'claims'))).toEqual(['c1.json'])
    // The version-1 file as it was, in the pre-migration snapshot.
    const [backup] = await store.backups()
    expect(backup!.kind).toBe('pre-migration')
    const kept = JSON.parse(
      await readFile(join(notebooks.dir, 'backups', backup!.id, 'notebook.json'), 'utf8'),
    )
    expect(kept).toEqual(old)
    // What is on disk now reads back as the same notebook.
    expect(await readNotebookFolder(notebooks.dir)).toEqual(store.data)
  })

  it('migrates again, from the untouched version-1 file, after a crash part way', async () => {
    await writeFile(join(notebooks.dir, 'notebook.json'), renderJson(v1Notebook(false)))
    // A crash after one record file was written (here a stale one) and before notebook.json was
    // replaced: version 1 is still the truth, and the next open migrates it again over the debris.
    await mkdir(join(notebooks.dir, 'sources'))
    const stale = { source: { ...sourceFixture('s1'), title: 'half-migrated' }, annotations: [] }
    await writeFile(join(notebooks.dir, 'sources', 's1.json'), renderJson(stale))
    const store = await open()
    expect(store.data.sources.map((s) => [s.id, s.title])).toEqual([
      ['s1', 's1'],
      ['s2', 's2'],
    ])
    expect(store.data.annotations.map((a) => a.id)).toEqual(['a1', 'a2'])
    expect(await readNotebookFolder(notebooks.dir)).toEqual(store.data)
  })

  it('hands out records read from disk frozen, migrated or not, so no edit can change one in place', async () => {
    await writeFile(join(notebooks.dir, 'notebook.json'), renderJson(v1Notebook(false)))
    const migrated = await open()
    const refused = (store: typeof migrated) =>
      expect(
        store.update((data) => void (data.annotations[0]!.target.quote.exact = 'sneaky')),
      ).rejects.toThrow(TypeError)
    await refused(migrated)
    await migrated.close()
    const reopened = await open()
    await refused(reopened)
    expect(reopened.data.annotations[0]!.target.quote.exact).toBe('first')
  })
})

describe('saving', () => {
  it('writes only the file of the source an annotation belongs to, however many sources there are', async () => {
    const store = await open()
    await store.update((data) => {
      for (let i = 0; i < 200; i++) data.sources.push(sourceFixture(`s${i}`))
      for (let i = 0; i < 200; i++) data.annotations.push(annotationFixture(`a${i}`, `s${i}`, `quote ${i}`))
    })
    const before = new Map<string, number>()
    for (const file of await listNotebookFiles(notebooks.dir))
      before.set(file, (await stat(join(notebooks.dir, file))).mtimeMs)
    await new Promise((resolve) => setTimeout(resolve, 20))
    await store.update((data) => {
      data.annotations[57] = { ...data.annotations[57]!, comment: 'edited' }
    })
    const changed: string[] = []
    for (const file of await listNotebookFiles(notebooks.dir))
      if ((await stat(join(notebooks.dir, file))).mtimeMs !== before.get(file)) changed.push(file)
    expect(changed).toEqual([`sources/${store.data.annotations[57]!.sourceId}.json`])
  })

  it('replays an edit a crash interrupted between its journal and its files', async () => {
    const store = await open()
    await store.update((data) => void data.sources.push(sourceFixture('s1')))
    await store.close()
    // The journal of an edit that touched two files, as left by a crash before either was replaced.
    const source = { ...sourceFixture('s1'), title: 'from the journal' }
    const manifest = JSON.parse(await readFile(join(notebooks.dir, 'notebook.json'), 'utf8'))
    manifest.tags = [{ id: 't', name: 'journalled' }]
    const writes = [
      { path: 'sources/s1.json', content: renderJson({ source, annotations: [] }) },
      { path: 'notebook.json', content: renderJson(manifest) },
    ]
    await writeFile(join(notebooks.dir, 'journal.json'), JSON.stringify({ writes }))
    const reopened = await open()
    expect(reopened.data.sources[0]!.title).toBe('from the journal')
    expect(reopened.data.tags).toEqual([{ id: 't', name: 'journalled' }])
    expect(reopened.status.problems.map((p) => p.kind)).toContain('recovered')
    await expect(stat(join(notebooks.dir, 'journal.json'))).rejects.toThrow()
  })

  it('does not write over a file another program changed, and says which', async () => {
    const store = await open()
    await store.update((data) => void data.sources.push(sourceFixture('s1')))
    const file = join(notebooks.dir, 'sources', 's1.json')
    const theirs = (await readFile(file, 'utf8')).replace('"title": "s1"', '"title": "edited elsewhere"')
    await writeFile(file, theirs)
    const error = await expectDomainError(
      store.update((data) => void (data.sources[0] = { ...data.sources[0]!, title: 'ours' })),
      'changed-on-disk',
    )
    expect(error.message).toContain('sources/s1.json')
    expect(await readFile(file, 'utf8')).toBe(theirs)
    expect(store.status.readOnly).toContain('changed by another program')
  })
})

describe('backups', () => {
  it('snapshots before the first save, lists it, and restores it (snapshotting the present first)', async () => {
    const store = await open()
    await store.update((data) => void data.sources.push(sourceFixture('s1')))
    const [first] = await store.backups()
    expect(first!.kind).toBe('auto')
    await store.update((data) => void data.sources.push(sourceFixture('s2')))
    await store.backupNow()
    await store.update((data) => void data.sources.push(sourceFixture('s3')))
    const [withTwo] = await store.backups()

    await store.restore(withTwo!.id)
    expect(store.data.sources.map((s) => s.id)).toEqual(['s1', 's2'])
    expect(await readNotebookFolder(notebooks.dir)).toEqual(store.data)
    expect((await store.backups()).map((b) => b.kind)).toContain('pre-restore')
    // The restore itself can be undone from its snapshot.
    const undo = (await store.backups()).find((b) => b.kind === 'pre-restore')!
    await store.restore(undo.id)
    expect(store.data.sources.map((s) => s.id)).toEqual(['s1', 's2', 's3'])
  })
})
