/**
 * The notebook main has open now. It starts on the last notebook opened, or on the default one in
 * the app's data folder, which is made from the sample the first time.
 */
import { join } from 'node:path'
import { AppState } from './app-state'
import { NotebookStore } from './notebook-store'
import { createSampleNotebook } from './sample-notebook'

export interface SessionPaths {
  /** The app's own data folder (Electron's userData). */
  dataDir: string
  /** Where the sample notebook's files ship (resources/sample). */
  sampleDir: string
}

export class NotebookSession {
  private constructor(
    private current: NotebookStore,
    private readonly state: AppState,
  ) {}

  static defaultNotebookDir(dataDir: string): string {
    return join(dataDir, 'notebooks', 'default')
  }

  static async start(paths: SessionPaths): Promise<NotebookSession> {
    const state = await AppState.open(paths.dataDir)
    const last = state.lastNotebook
    let store: NotebookStore
    if (last && (await NotebookStore.exists(last))) {
      store = await NotebookStore.open(last)
    } else {
      const dir = NotebookSession.defaultNotebookDir(paths.dataDir)
      store = (await NotebookStore.exists(dir))
        ? await NotebookStore.open(dir)
        : await createSampleNotebook(dir, paths.sampleDir)
    }
    await state.remember(store.dir)
    return new NotebookSession(store, state)
  }

  /** A session on one given notebook folder, for tests and for opening a notebook by path. */
  static async onNotebook(dir: string, dataDir: string): Promise<NotebookSession> {
    const state = await AppState.open(dataDir)
    const store = await NotebookStore.open(dir)
    await state.remember(store.dir)
    return new NotebookSession(store, state)
  }

  get store(): NotebookStore {
    return this.current
  }

  /** Opens (or creates) the notebook in `dir`; the current one stays open if that fails. */
  async switchTo(dir: string, name?: string): Promise<NotebookStore> {
    const next = await NotebookStore.open(dir, name)
    this.current = next
    await this.state.remember(next.dir)
    return next
  }
}
