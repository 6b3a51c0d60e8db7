/**
 * What the app remembers between runs, in `state.json` in its data folder: the last notebook opened,
 * the recent notebooks (most recent first, at most 10), where the main window was, and the folder
 * each kind of file dialog last ended in (so the next one opens there).
 *
 * More than one AppState may be open on one folder (the notebook session records notebooks, the
 * shell records the window), so every change re-reads the file, applies itself and writes, one
 * change at a time per file: no instance overwrites what another wrote.
 */
import { mkdir, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { Low } from 'lowdb'
import { z } from 'zod'
import { DurableJsonFile } from './durable-json-file'
import { NotebookStore } from './notebook-store'

export const MAX_RECENT_NOTEBOOKS = 10

const Rect = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() })
const WindowPlacement = z.object({ bounds: Rect, isMaximized: z.boolean() })
export type SavedWindowPlacement = z.infer<typeof WindowPlacement>

/** What a file dialog is for; each remembers its own last folder. */
export const DIALOG_PURPOSES = ['import', 'archive', 'notebook', 'export'] as const
export type DialogPurpose = (typeof DIALOG_PURPOSES)[number]

// Every field has a default, so a state file from an older version (only `lastNotebook`) still reads.
const AppStateData = z.object({
  lastNotebook: z.string().nullable().default(null),
  recentNotebooks: z.array(z.string()).default([]),
  window: WindowPlacement.nullable().default(null),
  // Keyed by any string, and set aside alone if malformed: dialog folders are a convenience that
  // must never cost the recents (nor a newer version's purposes break an older one's read).
  dialogFolders: z.record(z.string(), z.string()).catch({}),
})
type AppStateData = z.infer<typeof AppStateData>

const empty = (): AppStateData => ({
  lastNotebook: null,
  recentNotebooks: [],
  window: null,
  dialogFolders: {},
})

/** One queue of changes per state file, shared by every AppState open on it in this process. */
const queues = new Map<string, Promise<unknown>>()

export class AppState {
  private constructor(
    private readonly file: string,
    private readonly db: Low<AppStateData>,
  ) {}

  static async open(dataDir: string): Promise<AppState> {
    await mkdir(dataDir, { recursive: true })
    const file = join(dataDir, 'state.json')
    const state = new AppState(file, new Low<AppStateData>(new DurableJsonFile(file), empty()))
    await state.serialised(() => state.reload())
    return state
  }

  get lastNotebook(): string | null {
    return this.db.data.lastNotebook
  }

  /** Where the window was when last saved (as read when this state was opened or last changed). */
  get windowPlacement(): SavedWindowPlacement | null {
    return this.db.data.window
  }

  /** Records a notebook just opened: the last one, and first among the recent ones. */
  async remember(notebookDir: string): Promise<void> {
    const dir = resolve(notebookDir)
    await this.change((data) => {
      data.lastNotebook = dir
      data.recentNotebooks = [dir, ...data.recentNotebooks.filter((d) => d !== dir)].slice(
        0,
        MAX_RECENT_NOTEBOOKS,
      )
    })
  }

  /** The recent notebooks, most recent first; folders that no longer hold a notebook are dropped. */
  async recentNotebooks(): Promise<string[]> {
    let kept: string[] = []
    await this.change(async (data) => {
      const present = await Promise.all(data.recentNotebooks.map((dir) => NotebookStore.exists(dir)))
      kept = data.recentNotebooks.filter((_, i) => present[i])
      data.recentNotebooks = kept
    })
    return kept
  }

  async clearRecentNotebooks(): Promise<void> {
    await this.change((data) => {
      data.recentNotebooks = []
    })
  }

  async rememberWindow(placement: SavedWindowPlacement): Promise<void> {
    const parsed = WindowPlacement.parse(placement)
    await this.change((data) => {
      data.window = parsed
    })
  }

  /**
   * The folder the last dialog for `purpose` ended in, read afresh from state.json; null when none
   * was chosen yet or it is gone (the dialog then opens where the OS likes).
   */
  async lastFolder(purpose: DialogPurpose): Promise<string | null> {
    const folder = await this.serialised(async () => {
      await this.reload()
      return this.db.data.dialogFolders[purpose] ?? null
    })
    if (folder === null) return null
    const stats = await stat(folder).catch(() => null)
    return stats?.isDirectory() ? folder : null
  }

  /** Records the folder a dialog for `purpose` ended in. */
  async rememberFolder(purpose: DialogPurpose, folder: string): Promise<void> {
    const dir = resolve(folder)
    await this.change((data) => {
      data.dialogFolders = { ...data.dialogFolders, [purpose]: dir }
    })
  }

  private async reload(): Promise<void> {
    try {
      await this.db.read()
      this.db.data = AppStateData.parse(this.db.data ?? {})
    } catch {
      // A damaged state file only costs what the app remembered: start afresh rather than fail.
      this.db.data = empty()
    }
  }

  private change(apply: (data: AppStateData) => void | Promise<void>): Promise<void> {
    return this.serialised(async () => {
      await this.reload()
      await apply(this.db.data)
      await this.db.write()
    })
  }

  private serialised<T>(task: () => Promise<T>): Promise<T> {
    const previous = queues.get(this.file) ?? Promise.resolve()
    const next = previous.catch(() => undefined).then(task)
    queues.set(this.file, next)
    return next
  }
}
