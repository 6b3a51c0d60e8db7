import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FileUpload } from '../../shared/ipc/payloads'
import type { NotebookData, Source } from '../../shared/model'
import { createAnnotation } from './annotations'
import { DomainError } from './domain-error'
import type { ImportOutcome } from './import/importer'
import { Importer } from './import/importer'
import { NotebookStore } from './notebook-store'
import { SAMPLE_FILES } from './sample-notebook'
import { deleteSource, importPaste, restoreSource, updateSource } from './sources'
import { hashFolder, listNotebookFiles } from './testing/folder-hash'
import { readNotebookFolder } from './storage/read-folder'

const SAMPLE_DIR = new URL('../../../resources/sample/', import.meta.url)
const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex')
const seedBytes = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(name, SAMPLE_DIR)))
const seed = (name: string): FileUpload => ({ name, bytes: seedBytes(name) })
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/

const SEED_000 = '000_0fc4dfd4ef4d2d56.txt'
const SEED_001 = '001_83e5dde8b94cbfda.txt'
const SEED_002 = '002_a4871556e040079a.txt'

const importer = new Importer()
afterAll(() => importer.close())
const importFiles = (target: NotebookStore, uploads: FileUpload[]): Promise<ImportOutcome[]> =>
  importer.importFiles(target, uploads)

let dir: string
let store: NotebookStore

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corroborate-'))
  store = await NotebookStore.open(dir, 'Sources test')
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

function okOutcome(outcome: ImportOutcome | undefined): Extract<ImportOutcome, { ok: true }> {
  if (!outcome?.ok) throw new Error(`expected a successful import, got ${JSON.stringify(outcome)}`)
  return outcome
}

function sourceById(id: string): Source {
  const source = store.data.sources.find((s) => s.id === id)
  if (!source) throw new Error(`no source ${id}`)
  return source
}

const rawNotebook = (): Promise<NotebookData> => readNotebookFolder(store.dir)
const listFolder = async (name: string): Promise<string[]> =>
  readdir(join(dir, name)).catch(() => [] as string[])

async function importOne(name: string, bytes: Uint8Array): Promise<{ source: Source; text: string }> {
  const [outcome] = await importFiles(store, [{ name, bytes }])
  const source = sourceById(okOutcome(outcome).sourceId)
  return { source, text: await store.readText(source.textSha256) }
}

describe('importFiles with the five seed reports', () => {
  it('imports each seed with its title, hashes, timestamp, file name and format', async () => {
    const startedAt = Date.now()
    const outcomes = await importFiles(store, SAMPLE_FILES.map(seed))
    const finishedAt = Date.now()

    expect(outcomes.map((o) => [o.fileName, o.ok])).toEqual(SAMPLE_FILES.map((name) => [name, true]))
    expect(outcomes.every((o) => o.ok && !o.duplicate)).toBe(true)
    expect(store.data.sources).toHaveLength(5)

    for (const [index, name] of SAMPLE_FILES.entries()) {
      const outcome = okOutcome(outcomes[index])
      const source = sourceById(outcome.sourceId)
      const bytes = seedBytes(name)
      expect(outcome.title).toBe(source.title)
      expect(source.originalFileName).toBe(name)
      expect(source.format).toBe('txt')
      expect(source.originalSha256).toBe(sha256(bytes))
      expect(new Uint8Array(await readFile(join(dir, 'originals', source.originalSha256)))).toEqual(bytes)

      const textBytes = await readFile(join(dir, 'texts', `${source.textSha256}.txt`))
      expect(source.textSha256).toBe(sha256(textBytes))
      const text = await store.readText(source.textSha256)
      expect(sha256(text)).toBe(source.textSha256)
      expect(text).toBe(new TextDecoder().decode(bytes))
      expect(source.textLength).toBe(text.length)

      expect(source.imported).toMatch(ISO_UTC)
      expect(new Date(source.imported).toISOString()).toBe(source.imported)
      const importedAt = Date.parse(source.imported)
      expect(importedAt).toBeGreaterThanOrEqual(startedAt)
      expect(importedAt).toBeLessThanOrEqual(finishedAt)
    }

    const byFile = (name: string): Source => {
      const found = store.data.sources.find((s) => s.originalFileName === name)
      if (!found) throw new Error(`no source for ${name}`)
      return found
    }
    expect(byFile(SEED_000).title).toBe('US says North Korean troops are now in Russia')
    expect(byFile(SEED_000).outlet).toBe('')
    expect(byFile(SEED_001).outlet).toBe('Associated Press')
    expect(byFile(SEED_001).title).not.toMatch(/^SEOUL/)
  })

  it('saves the sources to notebook.json but keeps the texts out of it', async () => {
    await importFiles(store, SAMPLE_FILES.map(seed))
    const raw = await rawNotebook()
    expect(raw.sources).toEqual(store.data.sources)
    expect((await NotebookStore.open(dir)).data).toEqual(store.data)
    for (const file of await listNotebookFiles(store.dir)) {
      if (!file.endsWith('.json') || file.startsWith('structure/')) continue
      expect(await readFile(join(store.dir, file), 'utf8')).not.toContain(
        'traveled by ship from the Wonsan area',
      )
    }
    expect(await listFolder('texts')).toHaveLength(5)
    expect(await listFolder('originals')).toHaveLength(5)
  })

  it('answers duplicate: true for the same bytes again and adds no source', async () => {
    const [first] = await importFiles(store, [seed(SEED_002)])
    const firstId = okOutcome(first).sourceId
    const before = await hashFolder(store.dir)

    const again = await importFiles(store, [{ name: 'renamed copy.txt', bytes: seedBytes(SEED_002) }])
    expect(again).toHaveLength(1)
    const outcome = okOutcome(again[0])
    expect(outcome.duplicate).toBe(true)
    expect(outcome.sourceId).toBe(firstId)
    expect(store.data.sources).toHaveLength(1)
    expect(await hashFolder(store.dir)).toEqual(before)
    expect(await listFolder('originals')).toHaveLength(1)
  })
})

describe('importFiles with the same bytes twice in one call', () => {
  // Two uploads of one batch are parsed concurrently; the duplicate check is repeated when each is
  // committed (in input order), so the second copy points to the first.
  it('adds one source and answers duplicate: true for the second copy', async () => {
    const outcomes = await importFiles(store, [
      seed(SEED_002),
      { name: 'copy.txt', bytes: seedBytes(SEED_002) },
    ])
    expect(store.data.sources).toHaveLength(1)
    expect(outcomes.map((o) => o.ok && o.duplicate)).toEqual([false, true])
  })
})

describe('decoding imported files', () => {
  it('drops a UTF-8 BOM', async () => {
    const text = 'Café report\nSeoul says 12,000 troops — “special forces”.\n'
    const { source, text: stored } = await importOne(
      'bom8.txt',
      new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]),
    )
    expect(stored).toBe(text)
    expect(stored.charCodeAt(0)).toBe(0x43)
    expect(source.textSha256).toBe(sha256(text))
    expect(source.textLength).toBe(text.length)
  })

  it('decodes UTF-16LE with a BOM, including astral characters, and normalises its CRLFs', async () => {
    const text = 'Report from Kyiv\r\nTroops: ≈3,000 𝄞 “Ukraine”\r\n'
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')])
    const { source, text: stored } = await importOne('utf16.txt', bytes)
    expect(stored).toBe('Report from Kyiv\nTroops: ≈3,000 𝄞 “Ukraine”\n')
    expect(source.textSha256).toBe(sha256(stored))
    expect(source.originalSha256).toBe(sha256(bytes))
    // The text blob is UTF-8 whatever the original was.
    expect(await readFile(join(dir, 'texts', `${source.textSha256}.txt`), 'utf8')).toBe(stored)
  })

  it('turns CRLF and lone CR line ends into \\n', async () => {
    const { source, text } = await importOne(
      'crlf.md',
      utf8('Headline here\r\nLine two\rLine three\r\n\r\nEnd'),
    )
    expect(text).toBe('Headline here\nLine two\nLine three\n\nEnd')
    expect(source.textSha256).toBe(sha256('Headline here\nLine two\nLine three\n\nEnd'))
    expect(source.format).toBe('md')
  })
})

describe('refused imports', () => {
  const cases: { label: string; upload: FileUpload; code: string; message: RegExp }[] = [
    {
      label: 'invalid UTF-8 bytes',
      upload: { name: 'latin1.txt', bytes: new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]) },
      code: 'invalid-encoding',
      message: /^latin1\.txt is not valid UTF-8 text/,
    },
    {
      label: 'a binary file with NULs',
      upload: { name: 'image.txt', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41, 0x00]) },
      code: 'binary-file',
      message: /^image\.txt looks like a binary file/,
    },
    {
      label: 'an empty file',
      upload: { name: 'empty.txt', bytes: new Uint8Array() },
      code: 'empty-source',
      message: /^empty\.txt has no text to import/,
    },
    {
      label: 'a whitespace-only file',
      upload: { name: 'blank.md', bytes: utf8('  \r\n\t\n   \n') },
      code: 'empty-source',
      message: /^blank\.md has no text to import/,
    },
    {
      label: 'a .pdf name on bytes that are no PDF',
      upload: { name: 'report.pdf', bytes: utf8('Not a PDF at all, just a sentence in a file named .pdf') },
      code: 'not-pdf',
      message: /^report\.pdf is not a PDF file/,
    },
    {
      label: 'an unsupported file type',
      upload: { name: 'report.exe', bytes: utf8('MZ readable text anyway') },
      code: 'unsupported-format',
      message: /^report\.exe: this kind of file cannot be imported/,
    },
  ]

  for (const { label, upload, code, message } of cases) {
    // Generous: the PDF case starts the worker pool, from TypeScript through tsx (~5-10 s busy).
    it(`refuses ${label} with a message naming the file, and writes nothing`, async () => {
      await importFiles(store, [seed(SEED_000)])
      const before = await hashFolder(store.dir)
      const texts = await listFolder('texts')
      const originals = await listFolder('originals')

      const outcomes = await importFiles(store, [upload])
      expect(outcomes).toEqual([
        {
          fileName: upload.name,
          ok: false,
          code,
          error: expect.stringMatching(message),
        },
      ])

      expect(await hashFolder(store.dir)).toEqual(before)
      expect(store.data.sources).toHaveLength(1)
      expect(await listFolder('texts')).toEqual(texts)
      expect(await listFolder('originals')).toEqual(originals)
    }, 120_000)
  }

  it('imports the good files around a bad one', async () => {
    const outcomes = await importFiles(store, [
      seed(SEED_000),
      { name: 'broken.txt', bytes: new Uint8Array([0xc3, 0x28]) },
      seed(SEED_002),
    ])
    expect(outcomes.map((o) => [o.fileName, o.ok])).toEqual([
      [SEED_000, true],
      ['broken.txt', false],
      [SEED_002, true],
    ])
    // The importer adds concurrent files in the order they finish, so compare as a set.
    expect(store.data.sources.map((s) => s.originalFileName).sort()).toEqual([SEED_000, SEED_002])
    expect((await rawNotebook()).sources.map((s) => s.originalFileName).sort()).toEqual([SEED_000, SEED_002])
  })
})

describe('importPaste', () => {
  it('stores pasted text with its title, normalised line ends and format paste', async () => {
    const paste = 'Officials in Seoul said 1,500 special forces had been sent.\r\nMore may follow.'
    const source = await importPaste(store, { text: paste, title: '  Seoul briefing  ' })
    expect(source.title).toBe('Seoul briefing')
    expect(source.format).toBe('paste')
    expect(source.originalFileName).toBe('')
    expect(source.imported).toMatch(ISO_UTC)
    const stored = await store.readText(source.textSha256)
    expect(stored).toBe('Officials in Seoul said 1,500 special forces had been sent.\nMore may follow.')
    expect(source.textSha256).toBe(sha256(stored))
    expect(source.originalSha256).toBe(sha256(utf8(paste)))
    expect((await rawNotebook()).sources).toEqual([source])
  })

  it('suggests a title when none is given', async () => {
    const source = await importPaste(store, {
      text: 'Pentagon confirms troop movement\nNorth Korea moved soldiers east.',
      title: '',
    })
    expect(source.title).toBe('Pentagon confirms troop movement')
  })

  it('rejects empty or whitespace-only text and saves nothing', async () => {
    const before = await hashFolder(store.dir)
    for (const text of ['', ' \r\n\t ']) {
      const error = await importPaste(store, { text, title: 'x' }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(DomainError)
      expect((error as DomainError).code).toBe('empty-source')
      expect((error as DomainError).message).toMatch(/^The pasted text /)
    }
    expect(await hashFolder(store.dir)).toEqual(before)
    expect(await listFolder('texts')).toEqual([])
  })
})

describe('updateSource and deleteSource', () => {
  it('edits metadata and persists it', async () => {
    const [outcome] = await importFiles(store, [seed(SEED_002)])
    const id = okOutcome(outcome).sourceId
    const original = structuredClone(sourceById(id))
    const updated = await updateSource(store, id, {
      title: 'Pentagon confirms troops',
      outlet: 'Example Daily',
      author: 'Dana Reporter',
      published: '2024-10-23',
      url: 'https://example.com/nk',
    })
    const expected = {
      ...original,
      title: 'Pentagon confirms troops',
      outlet: 'Example Daily',
      author: 'Dana Reporter',
      published: '2024-10-23',
      url: 'https://example.com/nk',
    }
    expect(updated).toEqual(expected)
    expect((await rawNotebook()).sources).toEqual([expected])
    expect((await NotebookStore.open(dir)).data.sources).toEqual([expected])

    // A partial patch changes only what it names.
    await updateSource(store, id, { author: '' })
    expect((await NotebookStore.open(dir)).data.sources).toEqual([{ ...expected, author: '' }])
  })

  it('throws not-found for an unknown source', async () => {
    const error = await updateSource(store, 'nope', { title: 'x' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DomainError)
    expect((error as DomainError).code).toBe('not-found')
  })

  it('removes the source and only its annotations, and persists that', async () => {
    const outcomes = await importFiles(store, [seed(SEED_000), seed(SEED_002)])
    const keepId = okOutcome(outcomes[0]).sourceId
    const dropId = okOutcome(outcomes[1]).sourceId
    const annotate = async (sourceId: string, quote: string) => {
      const text = await store.readText(sourceById(sourceId).textSha256)
      const start = text.indexOf(quote)
      expect(start).toBeGreaterThanOrEqual(0)
      return createAnnotation(store, {
        sourceId,
        kind: 'claim',
        start,
        end: start + quote.length,
        comment: '',
        tags: ['troop numbers'],
      })
    }
    const kept = await annotate(keepId, '12,000 troops')
    const dropped = [await annotate(dropId, 'at least 3,000 soldiers'), await annotate(dropId, 'Vladivostok')]
    const droppedSource = structuredClone(sourceById(dropId))

    expect(await deleteSource(store, dropId)).toEqual({ source: droppedSource, annotations: dropped })
    expect(store.data.sources.map((s) => s.id)).toEqual([keepId])
    expect(store.data.annotations).toEqual([kept])

    const reopened = await NotebookStore.open(dir)
    expect(reopened.data.sources.map((s) => s.id)).toEqual([keepId])
    expect(reopened.data.annotations.map((a) => a.id)).toEqual([kept.id])
    expect((await rawNotebook()).annotations).toEqual([kept])
    // The tag stays: the kept annotation still uses it.
    expect(reopened.data.tags.map((t) => t.name)).toEqual(['troop numbers'])

    // Gone from the notebook, so the same bytes import afresh rather than as a duplicate.
    const [again] = await importFiles(store, [seed(SEED_002)])
    expect(okOutcome(again).duplicate).toBe(false)
    expect(okOutcome(again).sourceId).not.toBe(dropId)

    const error = await deleteSource(store, dropId).catch((e: unknown) => e)
    expect((error as DomainError).code).toBe('not-found')
  })

  it('restores a deleted source with its annotations exactly, once, and persists that', async () => {
    const [outcome] = await importFiles(store, [seed(SEED_002)])
    const id = okOutcome(outcome).sourceId
    const text = await store.readText(sourceById(id).textSha256)
    const start = text.indexOf('at least 3,000 soldiers')
    const annotation = await createAnnotation(store, {
      sourceId: id,
      kind: 'claim',
      start,
      end: start + 'at least 3,000 soldiers'.length,
      comment: 'Kirby',
      tags: ['troop numbers'],
    })
    const before = structuredClone(store.data)

    const deleted = await deleteSource(store, id)
    expect(store.data.sources).toEqual([])
    expect(store.data.annotations).toEqual([])

    expect(await restoreSource(store, deleted)).toEqual(before.sources[0])
    expect(store.data).toEqual(before)
    expect((await NotebookStore.open(dir)).data).toEqual(before)
    expect(await rawNotebook()).toEqual(before)
    expect(annotation).toEqual(before.annotations[0])

    await restoreSource(store, deleted)
    expect(store.data).toEqual(before)
  })

  it('refuses to restore a source whose text is gone from the folder', async () => {
    const [outcome] = await importFiles(store, [seed(SEED_000)])
    const deleted = await deleteSource(store, okOutcome(outcome).sourceId)
    await rm(join(dir, 'texts', `${deleted.source.textSha256}.txt`))
    const saved = await hashFolder(store.dir)
    const error = await restoreSource(store, deleted).catch((e: unknown) => e)
    expect((error as DomainError).code).toBe('missing-text')
    expect(await hashFolder(store.dir)).toEqual(saved)
    expect(store.data.sources).toEqual([])
  })
})
