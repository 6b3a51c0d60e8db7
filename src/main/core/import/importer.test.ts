import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { NotebookStore } from '../notebook-store'
import { ExtractorPool } from './extractor-pool'
import { Importer } from './importer'
import { hashFolder } from '../testing/folder-hash'

const seed = async (name: string) => ({
  name,
  bytes: new Uint8Array(await readFile(new URL(`../../../../resources/sample/${name}`, import.meta.url))),
})

const importer = new Importer()
afterAll(() => importer.close())

let dir: string
let store: NotebookStore
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corroborate-import-'))
  store = await NotebookStore.open(dir)
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('Importer', () => {
  it('reports progress for each file and keeps input order in its outcomes', async () => {
    const files = await Promise.all(['000_0fc4dfd4ef4d2d56.txt', '001_83e5dde8b94cbfda.txt'].map(seed))
    const progress: number[] = []
    const outcomes = await importer.importFiles(store, files, { onProgress: (p) => progress.push(p.done) })
    expect(outcomes.map((o) => o.fileName)).toEqual(files.map((f) => f.name))
    expect(outcomes.every((o) => o.ok && !o.duplicate)).toBe(true)
    expect(progress.sort()).toEqual([1, 2])
  })

  it('recognises the same bytes before parsing, and flags a near-duplicate with its similarity', async () => {
    const original = await seed('002_a4871556e040079a.txt')
    await importer.importFiles(store, [original])
    const [again] = await importer.importFiles(store, [{ ...original, name: 'copy.txt' }])
    expect(again).toMatchObject({ ok: true, duplicate: true })
    const edited = new TextDecoder()
      .decode(original.bytes)
      .replace('Wednesday', 'Thursday')
      .replace('ship', 'boat')
    const [near] = await importer.importFiles(store, [
      { name: 'wire-copy.txt', bytes: new TextEncoder().encode(edited) },
    ])
    expect(near?.ok && near.nearDuplicates[0]?.similarity).toBeGreaterThan(0.8)
    expect(near?.ok && near.nearDuplicates[0]?.sourceId).toBe(store.data.sources[0]!.id)
    expect(store.data.sources).toHaveLength(2)
  })

  it('refuses bad files with a message naming them, writing nothing, and imports the rest', async () => {
    const before = await hashFolder(store.dir)
    const outcomes = await importer.importFiles(store, [
      { name: 'notes.exe', bytes: new Uint8Array([77, 90, 0, 0]) },
      { name: 'broken.txt', bytes: new Uint8Array([0xc3, 0x28, 0x41]) },
    ])
    expect(outcomes.map((o) => !o.ok && o.code)).toEqual(['unsupported-format', 'invalid-encoding'])
    expect(outcomes.every((o) => !o.ok && o.error.includes(o.fileName))).toBe(true)
    expect(await hashFolder(store.dir)).toEqual(before)
    const mixed = await importer.importFiles(store, [
      { name: 'bad.txt', bytes: new Uint8Array([0xff, 0xfe, 0x00]) },
      await seed('003_b43ba051ed14bbce.txt'),
    ])
    expect(mixed.map((o) => o.ok)).toEqual([false, true])
  })

  it('stops when cancelled', async () => {
    const controller = new AbortController()
    controller.abort()
    const [outcome] = await importer.importFiles(store, [await seed('004_a4fe718e7c600af5.txt')], {
      signal: controller.signal,
    })
    expect(outcome).toMatchObject({ ok: false, code: 'cancelled' })
    expect(store.data.sources).toHaveLength(0)
  })
})

describe('ExtractorPool', () => {
  it('parses heavy formats in a worker thread and stops one that runs past its time limit', async () => {
    const pool = new ExtractorPool({ timeoutMs: 1, memoryMb: 512 })
    try {
      const huge = `<html><body>${'<p>paragraph of text that goes on</p>'.repeat(50_000)}</body></html>`
      await expect(
        pool.extract({ name: 'huge.html', bytes: new TextEncoder().encode(huge) }),
      ).rejects.toMatchObject({
        code: 'timeout',
      })
    } finally {
      await pool.close()
    }
  })

  // Generous: the worker starts from TypeScript through tsx, ~5 s idle and ~19 s with both cores busy.
  it('returns a parsed page from the worker', async () => {
    const pool = new ExtractorPool()
    try {
      const page =
        '<html lang="en"><head><title>Worker test</title></head><body><article><h1>Worker test</h1><p>' +
        'A paragraph long enough for Readability to think this is an article. '.repeat(10) +
        '</p></article></body></html>'
      const result = await pool.extract({ name: 'page.html', bytes: new TextEncoder().encode(page) })
      expect(result.format).toBe('html')
      expect(result.text).toContain('A paragraph long enough')
    } finally {
      await pool.close()
    }
  }, 120_000)
})
