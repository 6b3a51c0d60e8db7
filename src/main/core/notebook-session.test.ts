import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { NotebookData } from '../../shared/model'
import { DomainError } from './domain-error'
import { NotebookSession } from './notebook-session'
import { NOTEBOOK_FILE } from './notebook-store'
import { readNotebookFolder } from './storage/read-folder'
import { hashFolder } from './testing/folder-hash'
import { SAMPLE_FILES } from './sample-notebook'

const SAMPLE_DIR = fileURLToPath(new URL('../../../resources/sample/', import.meta.url))

interface SampleSpec {
  name: string
  annotations: { file: string; quote: string; kind: string; comment: string; tags: string[] }[]
}
const SAMPLE = JSON.parse(readFileSync(join(SAMPLE_DIR, 'sample.json'), 'utf8')) as SampleSpec

let root: string
let dataDir: string

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'corroborate-'))
  // Electron's userData may not exist yet on a first start.
  dataDir = join(root, 'userData')
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

const start = () => NotebookSession.start({ dataDir, sampleDir: SAMPLE_DIR })
const rememberedNotebook = (): unknown =>
  (JSON.parse(readFileSync(join(dataDir, 'state.json'), 'utf8')) as { lastNotebook: unknown }).lastNotebook
const rawNotebook = (dir: string): Promise<NotebookData> => readNotebookFolder(dir)

describe('NotebookSession.start', () => {
  it('makes the default notebook from the sample on a first start and remembers it', async () => {
    expect(SAMPLE.annotations).toHaveLength(3)
    const session = await start()
    const { store } = session
    const defaultDir = NotebookSession.defaultNotebookDir(dataDir)
    expect(defaultDir).toBe(join(dataDir, 'notebooks', 'default'))
    expect(store.dir).toBe(defaultDir)
    expect(rememberedNotebook()).toBe(defaultDir)

    const data = store.data
    expect(data.meta.name).toBe(SAMPLE.name)
    expect(data.meta.name).toBe('Sample: North Korean troops in Russia')
    // The importer adds concurrent files in the order they finish, so compare as a set.
    expect(data.sources.map((s) => s.originalFileName).sort()).toEqual([...SAMPLE_FILES].sort())
    expect(data.sources.map((s) => s.title)).toContain('US says North Korean troops are now in Russia')

    const described = await Promise.all(
      data.annotations.map(async (annotation) => {
        const source = data.sources.find((s) => s.id === annotation.sourceId)
        if (!source) throw new Error(`annotation ${annotation.id} has no source`)
        const text = await store.readText(source.textSha256)
        const { start: from, end: to } = annotation.target.position
        expect(text.slice(from, to)).toBe(annotation.target.quote.exact)
        return {
          file: source.originalFileName,
          quote: annotation.target.quote.exact,
          kind: annotation.kind,
          comment: annotation.comment,
          tags: annotation.tagIds.map((id) => data.tags.find((t) => t.id === id)?.name),
        }
      }),
    )
    expect(described).toEqual(SAMPLE.annotations)
    expect(data.tags.map((t) => t.name).sort()).toEqual(['conflict', 'single source', 'troop numbers'])

    // It is on disk, not only in memory.
    expect(await rawNotebook(defaultDir)).toEqual(data)
  })

  it('opens the same notebook on a second start, without importing the sample again', async () => {
    const first = (await start()).store.data
    const rawBefore = await hashFolder(NotebookSession.defaultNotebookDir(dataDir))

    const second = await start()
    expect(second.store.dir).toBe(NotebookSession.defaultNotebookDir(dataDir))
    expect(second.store.data).toEqual(first)
    expect(second.store.data.sources).toHaveLength(5)
    expect(second.store.data.annotations).toHaveLength(3)
    expect(await hashFolder(second.store.dir)).toEqual(rawBefore)
  })

  it('keeps what the analyst changed in the default notebook between starts', async () => {
    const first = await start()
    const removed = first.store.data.sources[4]?.id
    await first.store.update((data) => {
      data.sources = data.sources.filter((s) => s.id !== removed)
    })
    const second = await start()
    expect(second.store.data.sources).toHaveLength(4)
    expect(second.store.data.sources.map((s) => s.id)).not.toContain(removed)
  })

  it('opens the notebook it switched to on the next start', async () => {
    const session = await start()
    const defaultData = structuredClone(session.store.data)
    const otherDir = join(root, 'elsewhere', 'Week 43')

    const other = await session.switchTo(otherDir, 'Week 43')
    expect(session.store).toBe(other)
    expect(other.dir).toBe(otherDir)
    expect(other.data.meta.name).toBe('Week 43')
    expect(other.data.sources).toEqual([])
    expect(rememberedNotebook()).toBe(otherDir)
    await other.update((data) => void data.tags.push({ id: 't', name: 'only here' }))

    const next = await start()
    expect(next.store.dir).toBe(otherDir)
    expect(next.store.data.meta.id).toBe(other.data.meta.id)
    expect(next.store.data.tags).toEqual([{ id: 't', name: 'only here' }])
    // The default notebook is untouched.
    expect(await rawNotebook(NotebookSession.defaultNotebookDir(dataDir))).toEqual(defaultData)
  })

  it('opens the default notebook, with an alarm naming the folder, when the remembered one is gone', async () => {
    const session = await start()
    const defaultId = session.store.data.meta.id
    const otherDir = join(root, 'gone')
    await session.switchTo(otherDir)
    await rm(otherDir, { recursive: true })

    const next = await start()
    expect(next.store.dir).toBe(NotebookSession.defaultNotebookDir(dataDir))
    expect(next.store.data.meta.id).toBe(defaultId)
    expect(next.store.data.sources).toHaveLength(5)
    expect(next.startupAlarm).toMatchObject({ dir: otherDir, code: 'notebook-not-found' })
    expect(next.startupAlarm?.message).toContain(otherDir)
    expect(rememberedNotebook()).toBe(NotebookSession.defaultNotebookDir(dataDir))
  })

  it('opens the default notebook, with an alarm and the newest good backup, when the remembered one is damaged', async () => {
    const session = await start()
    const otherDir = join(root, 'damaged')
    const other = await session.switchTo(otherDir, 'Week 44')
    await other.update((data) => void data.tags.push({ id: 't', name: 'saved before the damage' }))
    await session.close()
    await writeFile(join(otherDir, NOTEBOOK_FILE), '{"schemaVersion": 2, "me')

    const next = await start()
    expect(next.store.dir).toBe(NotebookSession.defaultNotebookDir(dataDir))
    expect(next.startupAlarm).toMatchObject({ dir: otherDir, code: 'corrupt-notebook' })
    expect(next.startupAlarm?.message).toContain(join(otherDir, NOTEBOOK_FILE))
    expect(next.startupAlarm?.backup?.kind).toBe('auto')
    expect(await readFile(join(otherDir, NOTEBOOK_FILE), 'utf8')).toBe('{"schemaVersion": 2, "me')
  })

  it('starts on the default notebook when state.json is damaged', async () => {
    const session = await start()
    const defaultId = session.store.data.meta.id
    await writeFile(join(dataDir, 'state.json'), '{"lastNotebook": 42')
    const next = await start()
    expect(next.store.data.meta.id).toBe(defaultId)
    expect(rememberedNotebook()).toBe(NotebookSession.defaultNotebookDir(dataDir))
  })
})

describe('NotebookSession.switchTo', () => {
  it('keeps the current notebook open and remembered when the target is corrupt', async () => {
    const session = await start()
    const current = session.store
    const badDir = join(root, 'bad')
    await mkdir(badDir)
    await writeFile(join(badDir, NOTEBOOK_FILE), '{not json')

    const error = await session.switchTo(badDir).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DomainError)
    expect((error as DomainError).code).toBe('corrupt-notebook')
    expect(session.store).toBe(current)
    expect(rememberedNotebook()).toBe(NotebookSession.defaultNotebookDir(dataDir))
    expect(await readFile(join(badDir, NOTEBOOK_FILE), 'utf8')).toBe('{not json')
  })
})
