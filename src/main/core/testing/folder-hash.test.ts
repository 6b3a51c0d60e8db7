import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { hashFolder, listNotebookFiles } from './folder-hash'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corroborate-hash-'))
  await mkdir(join(dir, 'texts'))
  await writeFile(join(dir, 'notebook.json'), '{}')
  await writeFile(join(dir, 'texts', 'a.txt'), 'alpha')
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('hashFolder', () => {
  it('changes when any file, nested or not, changes, appears or is renamed', async () => {
    const before = await hashFolder(dir)
    expect(await hashFolder(dir)).toBe(before)
    await writeFile(join(dir, 'texts', 'a.txt'), 'alphA')
    const edited = await hashFolder(dir)
    expect(edited).not.toBe(before)
    await writeFile(join(dir, 'texts', 'b.txt'), '')
    const added = await hashFolder(dir)
    expect(added).not.toBe(edited)
    await rm(join(dir, 'texts', 'b.txt'))
    await writeFile(join(dir, 'b.txt'), '')
    expect(await hashFolder(dir)).not.toBe(added)
  })

  it('does not let bytes move between a path and its content', async () => {
    const other = await mkdtemp(join(tmpdir(), 'corroborate-hash-'))
    try {
      await writeFile(join(dir, 'ab'), 'c')
      await writeFile(join(other, 'a'), 'bc')
      expect(await hashFolder(dir)).not.toBe(await hashFolder(other))
    } finally {
      await rm(other, { recursive: true, force: true })
    }
  })

  it('ignores backups and locks, which a store may touch without changing the notebook', async () => {
    const before = await hashFolder(dir)
    for (const folder of ['backups', '.backups', 'notebook.json.lock']) {
      await mkdir(join(dir, folder))
      await writeFile(join(dir, folder, 'x'), 'y')
    }
    await writeFile(join(dir, 'notebook.lock'), String(process.pid))
    expect(await hashFolder(dir)).toBe(before)
    expect(await listNotebookFiles(dir)).toEqual(['notebook.json', 'texts/a.txt'])
  })
})
