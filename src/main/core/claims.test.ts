import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Annotation, Source } from '../../shared/model'
import { createAnnotation } from './annotations'
import {
  claimFromSuggestion,
  deleteClaimWithAnnotations,
  restoreClaimWithAnnotations,
  createClaim,
  deleteClaim,
  gradeSource,
  linkToClaim,
  restoreClaim,
  unlinkFromClaim,
  updateClaim,
} from './claims'
import { createTag, deleteTag, mergeTags, restoreTag, unmergeTags, updateTag } from './codebook'
import { Importer } from './import/importer'
import { NotebookStore } from './notebook-store'
import { hashFolder } from './testing/folder-hash'
import { readNotebookFolder } from './storage/read-folder'

const SEEDS = ['000_0fc4dfd4ef4d2d56.txt', '002_a4871556e040079a.txt']
const importer = new Importer()
afterAll(() => importer.close())

let dir: string
let store: NotebookStore
let sources: Source[]
let texts: string[]

async function quote(sourceIndex: number, words: string): Promise<Annotation> {
  const start = texts[sourceIndex]!.indexOf(words)
  if (start < 0) throw new Error(`not in seed: ${words}`)
  return createAnnotation(store, {
    sourceId: sources[sourceIndex]!.id,
    kind: 'claim',
    start,
    end: start + words.length,
    comment: '',
    tags: [],
  })
}

const onDisk = () => readNotebookFolder(store.dir)

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corroborate-claims-'))
  store = await NotebookStore.open(dir)
  const uploads = await Promise.all(
    SEEDS.map(async (name) => ({
      name,
      bytes: new Uint8Array(await readFile(new URL(`../../../resources/sample/${name}`, import.meta.url))),
    })),
  )
  await importer.importFiles(store, uploads)
  sources = [...store.data.sources]
  texts = await Promise.all(sources.map((s) => store.readText(s.textSha256)))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('claims', () => {
  it('links quotes from several sources with stance and attribution, and persists them', async () => {
    const kirby = await quote(1, 'at least 3,000 soldiers')
    const seoul = await quote(0, '12,000 troops')
    const claim = await createClaim(store, {
      statement: 'North Korea has about 3,000 troops in Russia',
      links: [{ annotationId: kirby.id, stance: 'supports', attributedTo: 'John Kirby, White House' }],
    })
    await linkToClaim(store, claim.id, {
      annotationId: seoul.id,
      stance: 'contradicts',
      attributedTo: 'South Korean intelligence',
    })
    await updateClaim(store, claim.id, { credibility: 3 })
    const saved = (await onDisk()).claims[0]!
    expect(saved.links.map((l) => [l.stance, l.attributedTo])).toEqual([
      ['supports', 'John Kirby, White House'],
      ['contradicts', 'South Korean intelligence'],
    ])
    expect(saved.credibility).toBe(3)
    // Linking again changes the existing link instead of adding a second one.
    await linkToClaim(store, claim.id, { annotationId: seoul.id, stance: 'mentions', attributedTo: '' })
    expect(store.data.claims[0]!.links.map((l) => l.stance)).toEqual(['supports', 'mentions'])
    await unlinkFromClaim(store, claim.id, kirby.id)
    expect(store.data.claims[0]!.links).toHaveLength(1)
  })

  it('refuses links to annotations that do not exist, and restores a deleted claim', async () => {
    await expect(
      createClaim(store, {
        statement: 'x',
        links: [{ annotationId: 'nope', stance: 'supports', attributedTo: '' }],
      }),
    ).rejects.toMatchObject({ code: 'not-found' })
    const claim = await createClaim(store, { statement: 'A claim', links: [] })
    await deleteClaim(store, claim.id)
    expect(store.data.claims).toEqual([])
    await restoreClaim(store, claim)
    expect((await onDisk()).claims).toEqual([claim])
  })

  it('makes a suggestion into annotations and a linked claim, reusing an existing identical highlight', async () => {
    const existing = await quote(1, 'at least 3,000 soldiers')
    const start0 = texts[0]!.indexOf('12,000 troops')
    const start1 = texts[1]!.indexOf('at least 3,000 soldiers')
    const made = await claimFromSuggestion(store, {
      statement: 'Troop numbers disagree',
      links: [
        {
          sourceId: sources[1]!.id,
          start: start1,
          end: start1 + 23,
          stance: 'supports',
          attributedTo: 'John Kirby',
        },
        {
          sourceId: sources[0]!.id,
          start: start0,
          end: start0 + 13,
          stance: 'contradicts',
          attributedTo: '',
        },
      ],
    })
    const claim = made.claim
    expect(claim.links[0]!.annotationId).toBe(existing.id)
    const created = store.data.annotations.find((a) => a.id === claim.links[1]!.annotationId)!
    expect(created.target.quote.exact).toBe('12,000 troops')
    expect(made.annotations.map((a) => a.id)).toEqual([created.id])
    expect(store.data.annotations).toHaveLength(2)

    // Undo removes the claim and only the annotation made for it; redo brings both back.
    await deleteClaimWithAnnotations(store, made)
    expect(store.data.claims).toEqual([])
    expect(store.data.annotations.map((a) => a.id)).toEqual([existing.id])
    await restoreClaimWithAnnotations(store, made)
    expect((await onDisk()).claims).toEqual([claim])
    expect(store.data.annotations).toHaveLength(2)

    const before = await hashFolder(store.dir)
    await expect(
      claimFromSuggestion(store, {
        statement: 'bad',
        links: [{ sourceId: sources[0]!.id, start: 5, end: 5, stance: 'supports', attributedTo: '' }],
      }),
    ).rejects.toMatchObject({ code: 'bad-selection' })
    expect(await hashFolder(store.dir)).toEqual(before)
  })

  it('grades a source A-F', async () => {
    await gradeSource(store, sources[0]!.id, 'B')
    expect((await onDisk()).sources[0]!.reliability).toBe('B')
    await gradeSource(store, sources[0]!.id, null)
    expect((await onDisk()).sources[0]!.reliability).toBeNull()
  })
})

describe('codebook', () => {
  it('renames, nests, merges and deletes tags; annotations and claims follow; delete can be undone', async () => {
    const a = await createAnnotation(store, {
      sourceId: sources[1]!.id,
      kind: 'claim',
      start: 0,
      end: 10,
      comment: '',
      tags: ['numbers', 'troops'],
    })
    const [numbers, troops] = store.data.tags
    const claim = await createClaim(store, { statement: 'c', links: [] })
    await store.update((data) => void (data.claims[0] = { ...data.claims[0]!, tagIds: [troops!.id] }))

    await updateTag(store, numbers!.id, { name: 'Troop numbers', color: '#c0392b', description: 'Figures' })
    await updateTag(store, troops!.id, { parentId: numbers!.id })
    await expect(updateTag(store, numbers!.id, { parentId: troops!.id })).rejects.toMatchObject({
      code: 'tag-cycle',
    })
    await expect(updateTag(store, troops!.id, { name: 'troop NUMBERS' })).rejects.toMatchObject({
      code: 'duplicate-tag',
    })

    const deleted = await deleteTag(store, troops!.id)
    expect(store.data.annotations.find((x) => x.id === a.id)!.tagIds).toEqual([numbers!.id])
    expect(store.data.claims[0]!.tagIds).toEqual([])
    await restoreTag(store, deleted)
    expect(store.data.claims.find((c) => c.id === claim.id)!.tagIds).toEqual([troops!.id])

    const extra = await createTag(store, { name: 'Numbers (old)' })
    await store.update((data) => {
      const first = data.annotations[0]!
      data.annotations[0] = { ...first, tagIds: [...first.tagIds, extra.id] }
    })
    const tagsBefore = [...store.data.annotations[0]!.tagIds]
    const merged = await mergeTags(store, extra.id, numbers!.id)
    const saved = await onDisk()
    expect(saved.tags.map((t) => t.name).sort()).toEqual(['Troop numbers', 'troops'])
    expect(saved.annotations[0]!.tagIds.sort()).toEqual([numbers!.id, troops!.id].sort())
    // Undoing the merge gives back exactly what was there.
    await unmergeTags(store, merged)
    expect([...store.data.annotations[0]!.tagIds].sort()).toEqual(tagsBefore.sort())
    expect(store.data.tags.map((t) => t.name).sort()).toEqual(['Numbers (old)', 'Troop numbers', 'troops'])
  })
})
