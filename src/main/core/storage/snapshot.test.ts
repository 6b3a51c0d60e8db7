/**
 * Backups are taken beside saves, never inside one. Each test holds up the snapshot's background
 * work (the store's `backupPace`), so a save that waited for the backup would never resolve, and a
 * snapshot holds only what saves kept in it before replacing files; then lets it go and checks the
 * backup is the notebook as it was when the snapshot began.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { annotationFixture, sourceFixture } from '../../../shared/testing/fixtures'
import { NotebookStore } from '../notebook-store'
import { editById } from '../records'
import { useTempNotebooks } from '../testing/temp-notebooks'
import { backupDir, listBackups } from './backups'
import { BACKUPS_DIR } from './layout'
import { readNotebookFolder } from './read-folder'

const notebooks = useTempNotebooks('snapshot', 'Snapshots')

/** A notebook of three sources with an annotation each, saved and closed. */
async function seed(): Promise<void> {
  const store = await notebooks.open()
  await store.update((data) => {
    for (const id of ['s1', 's2', 's3']) {
      data.sources.push(sourceFixture(id))
      data.annotations.push(annotationFixture(`a-${id}`, id, `quote in ${id}`))
    }
  })
  await store.close()
}

/** A pace that holds every snapshot's background links until `release()`. */
function heldPace() {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  return { backupPace: () => released, release }
}

describe('backups beside saves', () => {
  it('acknowledges the first save of a session while the snapshot before it is still being taken', async () => {
    await seed()
    const asOpened = await readNotebookFolder(notebooks.dir)
    const backupsBefore = await listBackups(notebooks.dir)
    const held = heldPace()
    const store = await NotebookStore.open(notebooks.dir, 'Snapshots', held)
    try {
      // Resolves although the snapshot has linked no file but the one this save replaced.
      await store.update((data) => void editById(data.sources, 's1', (s) => (s.title = 'edited')))
      const onDisk = await readNotebookFolder(notebooks.dir)
      expect(onDisk.sources.find((s) => s.id === 's1')?.title).toBe('edited')
      expect(await listBackups(notebooks.dir)).toEqual(backupsBefore) // not complete yet
    } finally {
      held.release()
    }
    const [snapshot] = await store.backups()
    expect(snapshot!.kind).toBe('auto')
    expect(snapshot!.id).not.toBe(backupsBefore[0]!.id)
    expect(await readNotebookFolder(backupDir(notebooks.dir, snapshot!.id))).toEqual(asOpened)
    await store.close()
  })

  it('lets saves replace, remove and add files while a backup is under way, which keeps them as they were', async () => {
    await seed()
    const held = heldPace()
    const store = await NotebookStore.open(notebooks.dir, 'Snapshots', held)
    const asBegun = await readNotebookFolder(notebooks.dir)
    const manual = store.backupNow()
    try {
      await store.update((data) => {
        data.sources.splice(
          data.sources.findIndex((s) => s.id === 's2'),
          1,
        )
        data.annotations.splice(
          data.annotations.findIndex((a) => a.sourceId === 's2'),
          1,
        )
        editById(data.sources, 's3', (s) => (s.title = 'edited'))
        data.sources.push(sourceFixture('s4', { imported: '2026-02-01T00:00:00.000Z' }))
      })
      expect((await readdir(join(notebooks.dir, 'sources'))).sort()).toEqual([
        's1.json',
        's3.json',
        's4.json',
      ])
    } finally {
      held.release()
    }
    const taken = await manual
    // The manual backup, and the automatic one the edit began after it: both before the edit.
    const both = (await store.backups()).filter((b) => b.kind === 'auto').slice(0, 2)
    expect(both.map((b) => b.id)).toContain(taken.id)
    for (const backup of both)
      expect(await readNotebookFolder(backupDir(notebooks.dir, backup.id))).toEqual(asBegun)
    await store.close()
  })

  it('never offers a snapshot a crash cut short, and removes it on the next open', async () => {
    await seed()
    const partial = join(notebooks.dir, BACKUPS_DIR, '.2026-01-01T00-00-00-000Z-auto.partial', 'sources')
    await mkdir(partial, { recursive: true })
    await writeFile(join(partial, 's1.json'), '{}')
    const backups = await listBackups(notebooks.dir)
    expect(backups.map((b) => b.id).join()).not.toContain('partial')
    await notebooks.open()
    expect((await readdir(join(notebooks.dir, BACKUPS_DIR))).sort()).toEqual(backups.map((b) => b.id).sort())
  })
})
