import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { NewAnnotation } from '../../shared/ipc/payloads'
import type { Annotation, NotebookData, Source } from '../../shared/model'
import { createAnnotation, deleteAnnotation, restoreAnnotation, updateAnnotation } from './annotations'
import { expectDomainError } from './expect-domain-error'
import { NotebookStore } from './notebook-store'
import { Importer } from './import/importer'
import { deleteSource, importPaste } from './sources'
import { hashFolder } from './testing/folder-hash'
import { readNotebookFolder } from './storage/read-folder'

const SEED_002 = '002_a4871556e040079a.txt'
const QUOTE = 'at least 3,000 soldiers'
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/

const importer = new Importer()
afterAll(() => importer.close())

let dir: string
let store: NotebookStore
let source: Source
let text: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corroborate-'))
  store = await NotebookStore.open(dir, 'Annotations test')
  const bytes = new Uint8Array(
    readFileSync(new URL(`../../../resources/sample/${SEED_002}`, import.meta.url)),
  )
  const [outcome] = await importer.importFiles(store, [{ name: SEED_002, bytes }])
  if (!outcome?.ok) throw new Error('seed 002 did not import')
  const found = store.data.sources.find((s) => s.id === outcome.sourceId)
  if (!found) throw new Error('seed 002 source missing')
  source = found
  text = await store.readText(source.textSha256)
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const rawNotebook = (): Promise<NotebookData> => readNotebookFolder(store.dir)

function selection(quote: string, extra: Partial<NewAnnotation> = {}): NewAnnotation {
  const start = text.indexOf(quote)
  if (start < 0) throw new Error(`quote not in seed: ${quote}`)
  return {
    sourceId: source.id,
    kind: 'claim',
    start,
    end: start + quote.length,
    comment: '',
    tags: [],
    ...extra,
  }
}

const tagNames = (annotation: Annotation, data: Readonly<NotebookData> = store.data): string[] =>
  annotation.tagIds.map((id) => data.tags.find((t) => t.id === id)?.name ?? `<missing ${id}>`)

describe('createAnnotation', () => {
  it('anchors a claim by exact quote, 32 characters of context and position', async () => {
    const start = text.indexOf(QUOTE)
    expect(start).toBeGreaterThan(32)
    const annotation = await createAnnotation(store, selection(QUOTE, { comment: 'Kirby: about 3,000.' }))

    expect(annotation.sourceId).toBe(source.id)
    expect(annotation.kind).toBe('claim')
    expect(annotation.comment).toBe('Kirby: about 3,000.')
    expect(annotation.target).toEqual({
      quote: {
        type: 'TextQuoteSelector',
        exact: 'at least 3,000 soldiers',
        prefix: ' mid-October, North Korea moved ',
        suffix: ' into eastern Russia. We assesse',
      },
      position: { type: 'TextPositionSelector', start, end: start + QUOTE.length },
    })
    const { quote, position } = annotation.target
    expect(quote.prefix).toHaveLength(32)
    expect(quote.suffix).toHaveLength(32)
    expect(text.slice(position.start, position.end)).toBe(QUOTE)
    expect(text.slice(position.start - 32, position.start)).toBe(quote.prefix)
    expect(text.slice(position.end, position.end + 32)).toBe(quote.suffix)
    expect(annotation.created).toMatch(ISO_UTC)
    expect(annotation.modified).toBe(annotation.created)

    expect((await rawNotebook()).annotations).toEqual([annotation])
    expect((await NotebookStore.open(dir)).data.annotations).toEqual([annotation])
  })

  it('keeps only the context there is at the start and end of the text', async () => {
    const first = await createAnnotation(store, { ...selection('North Korean'), start: 0, end: 12 })
    expect(first.target.quote).toMatchObject({ exact: 'North Korean', prefix: '' })
    expect(first.target.quote.suffix).toBe(text.slice(12, 44))

    const last = text.trimEnd()
    const tail = await createAnnotation(store, {
      ...selection(QUOTE),
      start: last.length - 5,
      end: last.length,
    })
    expect(tail.target.quote.exact).toBe(last.slice(-5))
    expect(tail.target.quote.suffix).toBe(text.slice(last.length))
  })

  it('widens a selection that would cut an astral character in half', async () => {
    const pasted = await importPaste(store, { text: 'Flag 🇰🇵 and clef 𝄞 here', title: 'Emoji' })
    const clef = 'Flag 🇰🇵 and clef '.length
    const annotation = await createAnnotation(store, {
      sourceId: pasted.id,
      kind: 'note',
      start: clef + 1,
      end: clef + 2,
      comment: '',
      tags: [],
    })
    expect(annotation.target.quote.exact).toBe('𝄞')
    expect(annotation.target.position).toEqual({ type: 'TextPositionSelector', start: clef, end: clef + 2 })
  })

  it('creates tags by name and reuses them case-insensitively', async () => {
    const a = await createAnnotation(store, selection(QUOTE, { tags: ['Troop numbers', 'conflict'] }))
    const b = await createAnnotation(
      store,
      selection('Vladivostok', { tags: ['TROOP NUMBERS', '  Conflict  '] }),
    )
    const c = await createAnnotation(
      store,
      selection('Wonsan', { tags: ['troop numbers', 'Troop Numbers', 'port'] }),
    )

    expect(store.data.tags.map((t) => t.name)).toEqual(['Troop numbers', 'conflict', 'port'])
    expect(b.tagIds).toEqual(a.tagIds)
    expect(c.tagIds).toEqual([a.tagIds[0], store.data.tags[2]?.id])
    expect(tagNames(c)).toEqual(['Troop numbers', 'port'])
    expect((await rawNotebook()).tags).toEqual(store.data.tags)
  })

  it('refuses out-of-range, empty and whitespace-only selections with bad-selection', async () => {
    const before = await hashFolder(store.dir)
    const space = text.indexOf(' ')
    const newline = text.indexOf('\n')
    const bad: [number, number][] = [
      [text.length - 3, text.length + 1],
      [text.length + 5, text.length + 10],
      [10, 10],
      [20, 10],
      [space, space + 1],
      [newline, newline + 1],
    ]
    for (const [start, end] of bad) {
      const error = await expectDomainError(
        createAnnotation(store, { ...selection(QUOTE), start, end }),
        'bad-selection',
      )
      expect(error.message).toMatch(/^Cannot annotate that selection: /)
    }
    expect(await hashFolder(store.dir)).toEqual(before)
    expect(store.data.annotations).toEqual([])
  })

  it('refuses an unknown source with not-found', async () => {
    await expectDomainError(createAnnotation(store, { ...selection(QUOTE), sourceId: 'gone' }), 'not-found')
  })
})

describe('updateAnnotation', () => {
  it('changes comment, tags and kind and persists them across reopening', async () => {
    const created = await createAnnotation(
      store,
      selection(QUOTE, { comment: 'first', tags: ['troop numbers'] }),
    )
    await new Promise((resolve) => setTimeout(resolve, 5))
    const updated = await updateAnnotation(store, created.id, {
      comment: 'Kirby puts it at 3,000.',
      tags: ['Conflict', 'TROOP numbers'],
      kind: 'note',
    })
    expect(updated).toMatchObject({
      id: created.id,
      kind: 'note',
      comment: 'Kirby puts it at 3,000.',
      target: created.target,
      created: created.created,
    })
    expect(tagNames(updated)).toEqual(['Conflict', 'troop numbers'])
    expect(Date.parse(updated.modified)).toBeGreaterThan(Date.parse(created.modified))

    const reopened = await NotebookStore.open(dir)
    expect(reopened.data.annotations).toEqual([updated])
    expect(tagNames(updated, reopened.data)).toEqual(['Conflict', 'troop numbers'])
    expect((await rawNotebook()).annotations).toEqual([updated])

    // A patch changes only what it names.
    const commentOnly = await updateAnnotation(store, created.id, { comment: '' })
    expect(commentOnly).toMatchObject({ kind: 'note', comment: '', tagIds: updated.tagIds })
    expect((await NotebookStore.open(dir)).data.annotations[0]?.comment).toBe('')
  })

  it('throws not-found for an unknown annotation and saves nothing', async () => {
    const before = await hashFolder(store.dir)
    await expectDomainError(updateAnnotation(store, 'nope', { comment: 'x' }), 'not-found')
    expect(await hashFolder(store.dir)).toEqual(before)
  })
})

describe('deleteAnnotation and restoreAnnotation', () => {
  it('deletes, then restores the annotation exactly as it was', async () => {
    const other = await createAnnotation(store, selection('Vladivostok'))
    const created = await createAnnotation(store, selection(QUOTE, { comment: 'c', tags: ['troop numbers'] }))
    const snapshot = structuredClone(created)

    const deleted = await deleteAnnotation(store, created.id)
    expect(deleted).toEqual(snapshot)
    expect(store.data.annotations).toEqual([other])
    expect((await rawNotebook()).annotations).toEqual([other])
    expect((await NotebookStore.open(dir)).data.annotations).toEqual([other])

    const restored = await restoreAnnotation(store, deleted)
    expect(restored).toEqual(snapshot)
    expect(store.data.annotations.find((a) => a.id === created.id)).toEqual(snapshot)
    const reopened = await NotebookStore.open(dir)
    expect(reopened.data.annotations.find((a) => a.id === created.id)).toEqual(snapshot)
    expect(reopened.data.annotations).toHaveLength(2)

    // Restoring twice does not duplicate it.
    await restoreAnnotation(store, deleted)
    expect(store.data.annotations.filter((a) => a.id === created.id)).toHaveLength(1)
  })

  it('refuses to delete an unknown annotation and to restore onto a deleted source', async () => {
    const created = await createAnnotation(store, selection(QUOTE))
    await deleteAnnotation(store, created.id)
    await expectDomainError(deleteAnnotation(store, created.id), 'not-found')
    await deleteSource(store, source.id)
    const before = await hashFolder(store.dir)
    await expectDomainError(restoreAnnotation(store, created), 'not-found')
    expect(await hashFolder(store.dir)).toEqual(before)
    expect(store.data.annotations).toEqual([])
  })
})
