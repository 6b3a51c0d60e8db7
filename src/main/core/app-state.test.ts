import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppState, MAX_RECENT_NOTEBOOKS } from './app-state'
import { NotebookStore } from './notebook-store'

let root: string
let dataDir: string

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'corroborate-state-'))
  dataDir = join(root, 'userData')
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

/** A real notebook folder, as the app would open it. */
async function notebook(name: string): Promise<string> {
  const dir = join(root, name)
  await NotebookStore.open(dir, name)
  return dir
}

describe('AppState', () => {
  it('remembers the last notebook across restarts', async () => {
    const a = await notebook('a')
    await (await AppState.open(dataDir)).remember(a)
    expect((await AppState.open(dataDir)).lastNotebook).toBe(a)
  })

  it('keeps recent notebooks most recent first, each once', async () => {
    const [a, b, c] = [await notebook('a'), await notebook('b'), await notebook('c')]
    const state = await AppState.open(dataDir)
    for (const dir of [a, b, c, a]) await state.remember(dir)
    expect(await state.recentNotebooks()).toEqual([a, c, b])
    // The same folder spelt with a trailing separator is the same folder.
    await state.remember(`${b}/`)
    expect(await state.recentNotebooks()).toEqual([b, a, c])
  })

  it(`caps the list at ${MAX_RECENT_NOTEBOOKS}, dropping the oldest`, async () => {
    const dirs: string[] = []
    for (let i = 0; i < MAX_RECENT_NOTEBOOKS + 3; i++) dirs.push(await notebook(`n${i}`))
    const state = await AppState.open(dataDir)
    for (const dir of dirs) await state.remember(dir)
    const recent = await state.recentNotebooks()
    expect(recent).toHaveLength(MAX_RECENT_NOTEBOOKS)
    expect(recent[0]).toBe(dirs.at(-1))
    expect(recent).not.toContain(dirs[0])
  })

  it('drops folders that no longer hold a notebook when the list is read, and saves that', async () => {
    const [a, b] = [await notebook('a'), await notebook('b')]
    const state = await AppState.open(dataDir)
    await state.remember(a)
    await state.remember(b)
    await rm(a, { recursive: true })
    expect(await state.recentNotebooks()).toEqual([b])
    const saved = JSON.parse(await readFile(join(dataDir, 'state.json'), 'utf8'))
    expect(saved.recentNotebooks).toEqual([b])
  })

  it('clears the recent list but keeps the last notebook', async () => {
    const a = await notebook('a')
    const state = await AppState.open(dataDir)
    await state.remember(a)
    await state.clearRecentNotebooks()
    expect(await state.recentNotebooks()).toEqual([])
    expect((await AppState.open(dataDir)).lastNotebook).toBe(a)
  })

  it('reads a state file from before recents and window placement existed', async () => {
    const a = await notebook('a')
    await mkdir(dataDir, { recursive: true })
    await writeFile(join(dataDir, 'state.json'), JSON.stringify({ lastNotebook: a }))
    const state = await AppState.open(dataDir)
    expect(state.lastNotebook).toBe(a)
    expect(state.windowPlacement).toBeNull()
    expect(await state.recentNotebooks()).toEqual([])
  })

  it('starts afresh on a damaged state file', async () => {
    await mkdir(dataDir, { recursive: true })
    await writeFile(join(dataDir, 'state.json'), '{ not json')
    const state = await AppState.open(dataDir)
    expect(state.lastNotebook).toBeNull()
    expect(await state.recentNotebooks()).toEqual([])
  })

  it('remembers the window placement, maximized state included', async () => {
    const placement = { bounds: { x: 40, y: 30, width: 1200, height: 800 }, isMaximized: true }
    await (await AppState.open(dataDir)).rememberWindow(placement)
    expect((await AppState.open(dataDir)).windowPlacement).toEqual(placement)
  })

  it('loses nothing when two instances on one folder change it at once', async () => {
    const [a, b] = [await notebook('a'), await notebook('b')]
    const session = await AppState.open(dataDir)
    const shell = await AppState.open(dataDir)
    const placement = { bounds: { x: 0, y: 0, width: 1000, height: 700 }, isMaximized: false }
    await Promise.all([session.remember(a), shell.rememberWindow(placement), session.remember(b)])
    const reread = await AppState.open(dataDir)
    expect(reread.lastNotebook).toBe(b)
    expect(reread.windowPlacement).toEqual(placement)
    expect(await reread.recentNotebooks()).toEqual([b, a])
  })

  describe('the folder each kind of dialog last used', () => {
    it('is kept across restarts, one per purpose', async () => {
      const [articles, exports] = [join(root, 'articles'), join(root, 'exports')]
      await mkdir(articles)
      await mkdir(exports)
      const state = await AppState.open(dataDir)
      expect(await state.lastFolder('import')).toBeNull()
      await state.rememberFolder('import', articles)
      await state.rememberFolder('export', `${exports}/`)
      const reread = await AppState.open(dataDir)
      expect(await reread.lastFolder('import')).toBe(articles)
      expect(await reread.lastFolder('export')).toBe(exports)
      expect(await reread.lastFolder('archive')).toBeNull()
      expect(await reread.lastFolder('notebook')).toBeNull()
    })

    it('is forgotten when the folder is gone, or is no folder', async () => {
      const gone = join(root, 'gone')
      await mkdir(gone)
      const file = join(root, 'a-file.txt')
      await writeFile(file, 'x')
      const state = await AppState.open(dataDir)
      await state.rememberFolder('archive', gone)
      await state.rememberFolder('notebook', file)
      await rm(gone, { recursive: true })
      expect(await state.lastFolder('archive')).toBeNull()
      expect(await state.lastFolder('notebook')).toBeNull()
    })

    it('is seen by another instance on the same file, and its writes keep the other fields', async () => {
      const [a, folder] = [await notebook('a'), join(root, 'articles')]
      await mkdir(folder)
      const session = await AppState.open(dataDir)
      const shell = await AppState.open(dataDir)
      await Promise.all([session.remember(a), shell.rememberFolder('import', folder)])
      expect(await session.lastFolder('import')).toBe(folder)
      expect((await AppState.open(dataDir)).lastNotebook).toBe(a)
    })

    it('costs nothing else when malformed in the file', async () => {
      const a = await notebook('a')
      await mkdir(dataDir, { recursive: true })
      await writeFile(
        join(dataDir, 'state.json'),
        JSON.stringify({ lastNotebook: a, recentNotebooks: [a], dialogFolders: { import: 42 } }),
      )
      const state = await AppState.open(dataDir)
      expect(state.lastNotebook).toBe(a)
      expect(await state.recentNotebooks()).toEqual([a])
      expect(await state.lastFolder('import')).toBeNull()
    })
  })
})
