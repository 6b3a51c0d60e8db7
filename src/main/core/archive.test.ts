import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCHEMA_VERSION, type DocumentStructure } from '../../shared/model'
import { createAnnotation } from './annotations'
import { exportArchive, importArchive } from './archive'
import type { ArchiveManifest } from './archive'
import { createClaim } from './claims'
import { DomainError } from './domain-error'
import { Importer } from './import/importer'
import { NotebookStore } from './notebook-store'
import { sha256Hex } from './sha256'
import { hashFolder } from './testing/folder-hash'

const SAMPLE = new URL('../../../resources/sample/', import.meta.url)
const SEEDS = [
  '000_0fc4dfd4ef4d2d56.txt',
  '001_83e5dde8b94cbfda.txt',
  '002_a4871556e040079a.txt',
  '003_b43ba051ed14bbce.txt',
  '004_a4fe718e7c600af5.txt',
]
const EXPORTED = new Date('2024-11-05T12:00:00.000Z')

interface SampleAnnotation {
  file: string
  quote: string
  kind: 'claim' | 'note'
  comment: string
  tags: string[]
}

const importer = new Importer()
let root: string
let store: NotebookStore
let archive: Uint8Array

/** A fresh, empty folder to import into. */
const freshDir = (name: string) => mkdtemp(join(root, `${name}-`))

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'corroborate-archive-'))
  store = await NotebookStore.open(join(root, 'source'), 'Troops in Russia')
  const uploads = await Promise.all(
    SEEDS.map(async (name) => ({ name, bytes: new Uint8Array(await readFile(new URL(name, SAMPLE))) })),
  )
  const outcomes = await importer.importFiles(store, uploads)
  expect(outcomes.every((o) => o.ok)).toBe(true)

  // The sample's own annotations, with their tags, and its claim.
  const sample = JSON.parse(await readFile(new URL('sample.json', SAMPLE), 'utf8')) as {
    annotations: SampleAnnotation[]
  }
  const annotations = []
  for (const a of sample.annotations) {
    const source = store.data.sources.find((s) => s.originalFileName === a.file)!
    const start = (await store.readText(source.textSha256)).indexOf(a.quote)
    expect(start).toBeGreaterThanOrEqual(0)
    annotations.push(
      await createAnnotation(store, {
        sourceId: source.id,
        kind: a.kind,
        start,
        end: start + a.quote.length,
        comment: a.comment,
        tags: a.tags,
      }),
    )
  }
  await createClaim(store, {
    statement: 'North Korea has about 3,000 troops in Russia',
    links: [
      { annotationId: annotations[0]!.id, stance: 'supports', attributedTo: 'John Kirby, White House' },
      { annotationId: annotations[1]!.id, stance: 'contradicts', attributedTo: 'South Korean intelligence' },
    ],
  })
  // Plain-text imports have no structure; give one text a structure so that blob kind is covered.
  const first = store.data.sources[0]!
  const structure: DocumentStructure = {
    blocks: [{ type: 'heading', start: 0, end: 10, level: 1 }],
    links: [{ start: 0, end: 4, href: 'https://example.org/' }],
    lang: 'en',
    dir: 'ltr',
  }
  await store.putStructure(first.textSha256, structure)

  archive = await exportArchive(store, { exported: EXPORTED })
})

afterAll(async () => {
  await importer.close()
  await rm(root, { recursive: true, force: true })
})

async function entriesOf(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes)
  const entries = new Map<string, Uint8Array>()
  for (const entry of Object.values(zip.files)) entries.set(entry.name, await entry.async('uint8array'))
  return entries
}

const textOf = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes)

const manifestOf = (entries: Map<string, Uint8Array>) =>
  JSON.parse(textOf(entries.get('manifest.json'))) as ArchiveManifest

/**
 * Unpacks the archive, lets `edit` change its entries, and packs it again. `reseal` rewrites the
 * manifest's checksums afterwards, as a forger would, so the check under test is not the checksum.
 */
async function repack(
  edit: (entries: Map<string, Uint8Array>) => void,
  { reseal = false } = {},
): Promise<Uint8Array> {
  const entries = await entriesOf(archive)
  edit(entries)
  if (reseal) {
    const manifest = manifestOf(entries)
    manifest.entries = [...entries]
      .filter(([path]) => path !== 'manifest.json')
      .map(([path, bytes]) => ({ path, bytes: bytes.byteLength, sha256: sha256Hex(bytes) }))
    entries.set('manifest.json', new TextEncoder().encode(JSON.stringify(manifest)))
  }
  const zip = new JSZip()
  for (const [path, bytes] of entries) zip.file(path, bytes, { createFolders: false })
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

function editManifest(entries: Map<string, Uint8Array>, change: (manifest: Record<string, unknown>) => void) {
  const manifest = JSON.parse(textOf(entries.get('manifest.json'))) as Record<string, unknown>
  change(manifest)
  entries.set('manifest.json', new TextEncoder().encode(JSON.stringify(manifest)))
}

const firstTextPath = () => `texts/${store.data.sources[0]!.textSha256}.txt`

describe('exportArchive', () => {
  it('writes a manifest that lists every entry with its checksum, then the notebook, then sorted blobs', async () => {
    const entries = await entriesOf(archive)
    const manifest = manifestOf(entries)
    expect(manifest).toMatchObject({
      format: 'corroborate-archive',
      version: 1,
      schemaVersion: SCHEMA_VERSION,
      exported: EXPORTED.toISOString(),
      counts: { sources: 5, annotations: 3, claims: 1, texts: 5, structures: 1, originals: 5 },
    })
    expect(manifest.counts.tags).toBe(store.data.tags.length)
    expect([...entries.keys()]).toEqual(['manifest.json', ...manifest.entries.map((e) => e.path)])
    const blobs = manifest.entries.map((e) => e.path).slice(1)
    expect(manifest.entries[0]!.path).toBe('notebook.json')
    expect(blobs).toEqual([...blobs].sort())
    for (const { path, bytes, sha256 } of manifest.entries) {
      expect(sha256Hex(entries.get(path)!)).toBe(sha256)
      expect(entries.get(path)!.byteLength).toBe(bytes)
    }
    // No folder entries, whose dates JSZip would take from the clock.
    expect([...entries.keys()].some((name) => name.endsWith('/'))).toBe(false)
  })

  it('is deterministic: the same notebook gives the same bytes', async () => {
    expect(Buffer.compare(await exportArchive(store, { exported: EXPORTED }), archive)).toBe(0)
  })
})

describe('importArchive', () => {
  it('round-trips without loss: re-exporting the import gives the same notebook.json and the same bytes', async () => {
    const target = await freshDir('roundtrip')
    const imported = await importArchive(archive, target)
    const again = await exportArchive(imported, { exported: EXPORTED })

    const [before, after] = [await entriesOf(archive), await entriesOf(again)]
    expect(textOf(after.get('notebook.json'))).toBe(textOf(before.get('notebook.json')))
    expect(Buffer.compare(again, archive)).toBe(0)

    expect(imported.data).toEqual(store.data)
    for (const source of store.data.sources) {
      expect(await imported.readText(source.textSha256)).toBe(await store.readText(source.textSha256))
      expect(await imported.readStructure(source.textSha256)).toEqual(
        await store.readStructure(source.textSha256),
      )
      const original = (dir: string) => readFile(join(dir, 'originals', source.originalSha256))
      expect(Buffer.compare(await original(target), await original(store.dir))).toBe(0)
    }

    // A normal notebook on disk: it reopens, and exports the same once more.
    const reopened = await NotebookStore.open(target)
    expect(Buffer.compare(await exportArchive(reopened, { exported: EXPORTED }), archive)).toBe(0)
  })

  const textPath = () => firstTextPath()
  const refusals: Array<{
    what: string
    bytes: () => Promise<Uint8Array>
    code: string
    message: RegExp | (() => RegExp)
  }> = [
    {
      what: 'a file that is not a zip',
      bytes: async () => new TextEncoder().encode('North Korea moved at least 3,000 soldiers'),
      code: 'not-archive',
      message: /not a zip file/,
    },
    {
      what: 'a zip without a manifest',
      bytes: () => repack((entries) => entries.delete('manifest.json')),
      code: 'not-archive',
      message: /no manifest\.json/,
    },
    {
      what: 'another format',
      bytes: () => repack((entries) => editManifest(entries, (m) => (m.format = 'some-other-app'))),
      code: 'not-archive',
      message: /another format/,
    },
    {
      what: 'a newer archive version',
      bytes: () => repack((entries) => editManifest(entries, (m) => (m.version = 2))),
      code: 'archive-too-new',
      message: /newer version of Corroborate/,
    },
    {
      what: 'a newer notebook schema',
      bytes: () => repack((entries) => editManifest(entries, (m) => (m.schemaVersion = SCHEMA_VERSION + 1))),
      code: 'archive-too-new',
      message: new RegExp(`schema ${SCHEMA_VERSION + 1}`),
    },
    {
      what: 'a text changed by one byte',
      bytes: () =>
        repack((entries) => {
          const bytes = new Uint8Array(entries.get(textPath())!)
          bytes[10] = bytes[10]! ^ 1
          entries.set(textPath(), bytes)
        }),
      code: 'archive-damaged',
      message: () => new RegExp(`${textPath()} does not match its checksum`),
    },
    {
      what: 'a text changed and its checksum forged',
      bytes: () =>
        repack(
          (entries) => {
            const bytes = new Uint8Array(entries.get(textPath())!)
            bytes[10] = bytes[10]! ^ 1
            entries.set(textPath(), bytes)
          },
          { reseal: true },
        ),
      code: 'archive-damaged',
      message: () => new RegExp(`${textPath()} does not hold what its name says`),
    },
    {
      what: 'a notebook.json that is not a valid notebook',
      bytes: () =>
        repack(
          (entries) => {
            const data = JSON.parse(textOf(entries.get('notebook.json'))) as { sources: unknown[] }
            data.sources = [{ id: 42 }]
            entries.set('notebook.json', new TextEncoder().encode(JSON.stringify(data)))
          },
          { reseal: true },
        ),
      code: 'archive-damaged',
      message: /notebook\.json is not a valid notebook \(sources\.0/,
    },
    {
      what: 'a missing text',
      bytes: () => repack((entries) => entries.delete(textPath()), { reseal: true }),
      code: 'archive-damaged',
      message: () => new RegExp(`${textPath()}, which the notebook needs, is missing`),
    },
    {
      what: 'an entry the manifest does not list',
      bytes: () => repack((entries) => entries.set('texts/extra.txt', new Uint8Array([1]))),
      code: 'archive-damaged',
      message: /texts\/extra\.txt is not listed/,
    },
    {
      what: 'a listed entry the notebook does not reference',
      bytes: () => repack((entries) => entries.set('originals/extra', new Uint8Array([1])), { reseal: true }),
      code: 'archive-damaged',
      message: /originals\/extra is not part of the notebook/,
    },
    ...['../evil.txt', 'texts/../../evil.txt', '/etc/evil', 'C:\\evil.txt', 'texts\\..\\..\\evil.txt'].map(
      (name) => ({
        what: `a zip-slip entry ${name}`,
        bytes: () => repack((entries) => entries.set(name, new Uint8Array([1])), { reseal: true }),
        code: 'archive-unsafe',
        message: new RegExp(`"${name.replace(/[\\.]/g, '\\$&')}" points outside its folder`),
      }),
    ),
    {
      what: 'an entry name that is not a plain path',
      bytes: () => repack((entries) => entries.set('./texts/x.txt', new Uint8Array([1])), { reseal: true }),
      code: 'archive-damaged',
      message: /"\.\/texts\/x\.txt" is not a plain path/,
    },
  ]

  it.each(refusals)('refuses $what and leaves the target folder empty', async ({ bytes, code, message }) => {
    const target = await freshDir('refused')
    const error = await importArchive(await bytes(), target).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DomainError)
    expect(error).toMatchObject({
      code,
      message: expect.stringMatching(typeof message === 'function' ? message() : message),
    })
    expect(await NotebookStore.exists(target)).toBe(false)
    expect(await readdir(target)).toEqual([])
  })

  it('refuses a folder that already holds a notebook, leaving that notebook as it was', async () => {
    const target = await freshDir('occupied')
    const existing = await NotebookStore.open(target, 'Someone else’s notebook')
    const before = await hashFolder(existing.dir)
    await expect(importArchive(archive, target)).rejects.toMatchObject({
      code: 'target-has-notebook',
      message: expect.stringMatching(/already holds a notebook/),
    })
    expect(await hashFolder(existing.dir)).toBe(before)
  })

  it('removes what it wrote when writing fails part way', async () => {
    const target = await freshDir('blocked')
    // A file where the texts folder must go: the originals are written, then the texts fail.
    await writeFile(join(target, 'texts'), 'in the way')
    await expect(importArchive(archive, target)).rejects.toMatchObject({ code: 'archive-write-failed' })
    expect(await NotebookStore.exists(target)).toBe(false)
    expect(await readdir(target)).toEqual(['texts'])
  })
})
