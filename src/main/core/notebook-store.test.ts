import { createHash } from 'node:crypto'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SCHEMA_VERSION } from '../../shared/model'
import type { DomainError } from './domain-error'
import { expectDomainError } from './expect-domain-error'
import { NOTEBOOK_FILE, NotebookStore, emptyNotebook } from './notebook-store'
import { readNotebookFolder } from './storage/read-folder'
import { useTempNotebooks } from './testing/temp-notebooks'

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex')
const readJson = async (path: string): Promise<Record<string, unknown>> =>
  JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>

const notebooks = useTempNotebooks('store')
const open = notebooks.open

describe('NotebookStore on disk', () => {
  it(`creates a named, empty notebook.json with schemaVersion ${SCHEMA_VERSION}`, async () => {
    const store = await open('Week 43')
    expect(store.file).toBe(join(notebooks.dir, NOTEBOOK_FILE))
    expect(await NotebookStore.exists(notebooks.dir)).toBe(true)
    const raw = await readJson(join(notebooks.dir, NOTEBOOK_FILE))
    expect(raw['schemaVersion']).toBe(SCHEMA_VERSION)
    expect((raw['meta'] as { name: string }).name).toBe('Week 43')
    expect((raw['meta'] as { created: string }).created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    expect(raw['tags']).toEqual([])
    expect(await readNotebookFolder(notebooks.dir)).toEqual(store.data)
  })

  it('reports a folder without a notebook as not existing', async () => {
    expect(await NotebookStore.exists(join(notebooks.dir, 'nothing-here'))).toBe(false)
  })

  it('writes every update to its files and reads it back after reopening', async () => {
    const store = await open('Before')
    const returned = await store.update((data) => {
      data.meta = { ...data.meta, name: 'After' }
      data.tags.push({ id: 'tag-1', name: 'troop numbers' }, { id: 'tag-2', name: 'conflict' })
      return data.tags.length
    })
    expect(returned).toBe(2)

    // Parsed by us, straight from the bytes on disk: proves nothing was kept in memory only.
    const raw = await readJson(join(notebooks.dir, NOTEBOOK_FILE))
    expect((raw['meta'] as { name: string }).name).toBe('After')
    expect(raw['tags']).toEqual([
      { id: 'tag-1', name: 'troop numbers' },
      { id: 'tag-2', name: 'conflict' },
    ])
    await store.close()
    const reopened = await open('Ignored name')
    expect(reopened.data).toEqual(store.data)
    expect(reopened.data.meta.name).toBe('After')
  })

  it('keeps the data it had when the update callback throws, and saves nothing', async () => {
    const store = await open()
    await store.update((data) => void data.tags.push({ id: 't1', name: 'kept' }))
    const before = await readFile(store.file)
    const dataBefore = structuredClone(store.data)

    await expect(
      store.update((data) => {
        data.tags.push({ id: 't2', name: 'lost' })
        data.meta = { ...data.meta, name: 'changed' }
        throw new Error('change failed half-way')
      }),
    ).rejects.toThrow('change failed half-way')

    expect(await readFile(store.file)).toEqual(before)
    expect(store.data).toEqual(dataBefore)
    expect((await readNotebookFolder(notebooks.dir)).tags).toEqual([{ id: 't1', name: 'kept' }])
  })

  it('refuses to change a saved record in place, so no edit can bypass saving', async () => {
    const store = await open()
    await store.update((data) => void data.tags.push({ id: 't1', name: 'kept' }))
    await expect(store.update((data) => void (data.tags[0]!.name = 'sneaky'))).rejects.toThrow(TypeError)
    expect(store.data.tags[0]!.name).toBe('kept')
  })

  it('refuses an update that would make the data invalid, and saves nothing', async () => {
    const store = await open()
    const before = await readFile(store.file)
    await expect(
      store.update((data) => {
        data.tags.push({ id: 't1', name: '' })
      }),
    ).rejects.toThrow()
    expect(await readFile(store.file)).toEqual(before)
    expect(store.data.tags).toEqual([])
  })

  it('stores texts in texts/<sha256>.txt, named by the SHA-256 of the text, outside the records', async () => {
    const store = await open()
    const text = 'Kirby: North Korea moved at least 3,000 soldiers into eastern Russia — “Wonsan” ✓ 𝄞\n'
    const sha = await store.putText(text)
    expect(sha).toBe(sha256(text))
    const path = join(notebooks.dir, 'texts', `${sha}.txt`)
    const bytes = await readFile(path)
    expect(sha256(bytes)).toBe(sha)
    expect(bytes.toString('utf8')).toBe(text)
    expect(await store.readText(sha)).toBe(text)
    // Putting the same text again is a no-op that names the same blob.
    expect(await store.putText(text)).toBe(sha)
    expect(await readdir(join(notebooks.dir, 'texts'))).toEqual([`${sha}.txt`])

    const json = await readFile(store.file, 'utf8')
    expect(json).not.toContain('Wonsan')
    expect(json).not.toContain('3,000 soldiers')
  })

  it('stores the original bytes in originals/<sha256>', async () => {
    const store = await open()
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x48, 0x69, 0x0d, 0x0a, 0x00, 0xff])
    const sha = await store.putOriginal(bytes)
    expect(sha).toBe(sha256(bytes))
    expect(new Uint8Array(await readFile(join(notebooks.dir, 'originals', sha)))).toEqual(bytes)
    expect(await readdir(join(notebooks.dir, 'originals'))).toEqual([sha])
    expect(await readFile(store.file, 'utf8')).not.toContain(sha)
  })

  it('throws missing-text for a text blob that is not in the folder', async () => {
    const store = await open()
    const error = await expectDomainError(store.readText('a'.repeat(64)), 'missing-text')
    expect(error.message).toContain('aaaaaaaaaaaa')
  })
})

describe('NotebookStore with a damaged notebook.json', () => {
  async function expectCorrupt(content: string): Promise<DomainError> {
    const file = join(notebooks.dir, NOTEBOOK_FILE)
    await writeFile(file, content)
    const before = await readFile(file)
    const error = await expectDomainError(NotebookStore.open(notebooks.dir), 'corrupt-notebook')
    expect(error.message).toContain(file)
    expect(await readFile(file)).toEqual(before)
    expect(await readdir(notebooks.dir)).toEqual([NOTEBOOK_FILE])
    return error
  }

  it('refuses a file that is not JSON and leaves it byte for byte', async () => {
    const error = await expectCorrupt('{"schemaVersion": 2, "meta": {"id": "x", "na')
    expect(error.message).toContain('not valid JSON')
  })

  it('refuses an empty file', async () => {
    const error = await expectCorrupt('')
    expect(error.message).toContain('is empty')
  })

  it('refuses valid JSON of the wrong shape and says where', async () => {
    const error = await expectCorrupt(
      JSON.stringify({ schemaVersion: 1, meta: { id: 'x', name: 'n', created: '' }, sources: 'oops' }),
    )
    expect(error.message).toContain('sources')
  })

  it('refuses a notebook.json that holds JSON null', async () => {
    await expectCorrupt('null')
  })

  it('opens a notebook from a newer schema version read-only, saying so, and writes nothing', async () => {
    const file = join(notebooks.dir, NOTEBOOK_FILE)
    const future = { schemaVersion: SCHEMA_VERSION + 1, meta: emptyNotebook('Future').meta, tags: [] }
    await writeFile(file, JSON.stringify(future))
    const store = await open()
    expect(store.status.readOnly).toContain('newer version of Corroborate')
    expect(store.status.problems.map((p) => p.kind)).toContain('newer-version')
    await expectDomainError(
      store.update((data) => void data.tags.push({ id: 't', name: 'x' })),
      'read-only',
    )
    expect(await readFile(file, 'utf8')).toBe(JSON.stringify(future))
  })
})
