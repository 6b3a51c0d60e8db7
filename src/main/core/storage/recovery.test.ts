/**
 * Recovery: every way a notebook folder can be damaged ends in a clear message and no lost data.
 * Each test damages real files on disk and opens them with the real store.
 */
import { spawnSync } from 'node:child_process'
import { hostname } from 'node:os'
import { mkdir, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { expectDomainError } from '../expect-domain-error'
import { NotebookStore } from '../notebook-store'
import { annotationFixture, sourceFixture } from '../../../shared/testing/fixtures'
import { LOCK_NAME, LOCK_OWNER_NAME } from './layout'
import { useTempNotebooks } from '../testing/temp-notebooks'

const notebooks = useTempNotebooks('recovery', 'Recovery')
const open = notebooks.open

/** A notebook of `sources` sources with `perSource` annotations each, saved, closed. */
async function seed(sources: number, perSource: number): Promise<void> {
  const store = await NotebookStore.open(notebooks.dir, 'Recovery')
  await store.update((data) => {
    for (let s = 0; s < sources; s++) {
      const imported = `2026-12-01T09:00:00.${String(s).padStart(3, '0')}Z`
      data.sources.push(sourceFixture(`s${s}`, { imported }))
      for (let n = 0; n < perSource; n++) {
        const created = `2026-12-01T10:${String(n % 60).padStart(2, '0')}:00.000Z`
        data.annotations.push(annotationFixture(`a-s${s}-${n}`, `s${s}`, `quote ${n}`, { created }))
      }
    }
  })
  await store.close()
}

describe('a damaged record file', () => {
  it('sets one bad record among thousands aside, keeps it in quarantine, and loads all the rest', async () => {
    await seed(50, 40) // 2,000 annotations
    const file = join(notebooks.dir, 'sources', 's7.json')
    const content = JSON.parse(await readFile(file, 'utf8')) as {
      annotations: Array<Record<string, unknown>>
    }
    content.annotations[3]!['target'] = { quote: 'not a selector' }
    await writeFile(file, JSON.stringify(content, null, 2))

    const store = await open()
    expect(store.status.readOnly).toBeNull()
    expect(store.data.annotations).toHaveLength(1999)
    expect(store.data.annotations.find((a) => a.id === 'a-s7-3')).toBeUndefined()
    const problem = store.status.problems.find((p) => p.kind === 'quarantined')!
    expect(problem.message).toContain('sources/s7.json')
    expect(problem.message).toContain('annotation 4')
    // The original, bad record included, is kept word for word.
    const [kept] = await readdir(join(notebooks.dir, 'quarantine'))
    const quarantined = JSON.parse(await readFile(join(notebooks.dir, 'quarantine', kept!), 'utf8')) as {
      original: string
    }
    expect(quarantined.original).toContain('not a selector')
    // The file was rewritten without it, so the next open is clean.
    await store.close()
    const again = await open()
    expect(again.status.problems).toEqual([])
    expect(again.data.annotations).toHaveLength(1999)
  })

  for (const [what, damage] of [
    ['truncated', (f: string) => truncate(f, 40)],
    ['empty', (f: string) => writeFile(f, '')],
    ['not JSON', (f: string) => writeFile(f, 'PK\u0003\u0004 binary junk')],
    ['JSON of the wrong shape', (f: string) => writeFile(f, '[1, 2, 3]')],
  ] as const) {
    it(`opens read-only, naming the file and keeping it, when a record file is ${what}`, async () => {
      await seed(3, 2)
      const file = join(notebooks.dir, 'sources', 's1.json')
      await damage(file)
      const damaged = await readFile(file)
      const store = await open()
      expect(store.status.readOnly).toContain('damaged')
      expect(store.status.problems.find((p) => p.kind === 'damaged-file')?.message).toContain(
        'sources/s1.json',
      )
      expect(store.data.sources.map((s) => s.id)).toEqual(['s0', 's2'])
      await expectDomainError(
        store.update((d) => void d.tags.push({ id: 't', name: 'x' })),
        'read-only',
      )
      expect(await readFile(file)).toEqual(damaged)
    })
  }
})

describe('a damaged or missing notebook.json', () => {
  it('refuses a truncated notebook.json, keeps it, and offers the newest good backup', async () => {
    await seed(2, 1)
    const store = await open()
    await store.update((d) => void d.tags.push({ id: 't', name: 'after the backup' })) // first save: snapshot
    await store.close()
    await truncate(join(notebooks.dir, 'notebook.json'), 30)
    const before = await readFile(join(notebooks.dir, 'notebook.json'))
    const error = await expectDomainError(NotebookStore.open(notebooks.dir), 'corrupt-notebook')
    expect(error.message).toContain(join(notebooks.dir, 'notebook.json'))
    expect(error.message).toContain('newest good backup')
    expect((error.details as { backup: { kind: string } }).backup.kind).toBe('auto')
    expect(await readFile(join(notebooks.dir, 'notebook.json'))).toEqual(before)
  })

  it('raises an alarm, not an empty notebook, when notebook.json is gone from a notebook folder', async () => {
    await seed(2, 1)
    await rm(join(notebooks.dir, 'notebook.json'))
    const error = await expectDomainError(NotebookStore.open(notebooks.dir), 'missing-notebook')
    expect(error.message).toContain('did not start an empty notebook')
    expect(await readdir(join(notebooks.dir, 'sources'))).toHaveLength(2)
    await expect(readFile(join(notebooks.dir, 'notebook.json'))).rejects.toThrow()
  })
})

describe('leftovers of a killed write', () => {
  it('removes temp files a killed write left, and keeps everything else', async () => {
    await seed(1, 1)
    const leftovers = [
      'sources/.s0.json.0b7f8f5e-7d7c-4b8e-9a61-2f7c1d2e3f40.tmp',
      `texts/${'a'.repeat(64)}.txt.0b7f8f5e-7d7c-4b8e-9a61-2f7c1d2e3f41.tmp`,
    ]
    await mkdir(join(notebooks.dir, 'texts'), { recursive: true })
    for (const file of leftovers) await writeFile(join(notebooks.dir, file), 'half a write')
    await writeFile(join(notebooks.dir, 'sources', 'notes.txt'), 'the analyst’s own file')
    await open()
    expect(await readdir(join(notebooks.dir, 'sources'))).toEqual(['notes.txt', 's0.json'])
    expect(await readdir(join(notebooks.dir, 'texts'))).toEqual([])
  })
})

describe('the lock', () => {
  it('opens a notebook another store holds read-only, saying why, and writes nothing', async () => {
    await seed(1, 1)
    const first = await open()
    const second = await open()
    expect(first.status.readOnly).toBeNull()
    expect(second.status.readOnly).toContain(`process ${process.pid}`)
    await expectDomainError(
      second.update((d) => void d.tags.push({ id: 't', name: 'x' })),
      'read-only',
    )
    await first.update((d) => void d.tags.push({ id: 't', name: 'from the first' }))
  })

  it('takes over a stale lock left by a process that crashed', async () => {
    await seed(1, 1)
    // A real process that has exited: its pid is free, as a crashed one's would be.
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!
    await mkdir(join(notebooks.dir, LOCK_NAME))
    const owner = { pid: dead, host: hostname(), since: '2026-12-01T00:00:00.000Z', token: 'old' }
    await writeFile(join(notebooks.dir, LOCK_OWNER_NAME), JSON.stringify(owner))
    const store = await open()
    expect(store.status.readOnly).toBeNull()
    await store.update((d) => void d.tags.push({ id: 't', name: 'after the crash' }))
    expect(store.data.tags).toHaveLength(1)
  })
})
