/**
 * The notebook main has open now. It starts on the last notebook opened, or on the default one in
 * the app's data folder, which is made from the sample the first time. When the last notebook cannot
 * be opened (gone, or damaged) it says so: the session opens the default one and keeps the alarm for
 * the window to show, never passing off an empty or different notebook as the analyst's.
 */
import { join } from 'node:path'
import { AppState } from './app-state'
import { DomainError } from './domain-error'
import { NotebookStore } from './notebook-store'
import { createSampleNotebook } from './sample-notebook'
import type { BackupInfo } from './storage/backups'

export interface SessionPaths {
  /** The app's own data folder (Electron's userData). */
  dataDir: string
  /** Where the sample notebook's files ship (resources/sample). */
  sampleDir: string
}

/** Why the session is not on the notebook the analyst last had open. */
export interface StartupAlarm {
  dir: string
  code: string
  message: string
  /** The newest good backup of that notebook, when one can be restored. */
  backup: BackupInfo | null
}

export class NotebookSession {
  private constructor(
    private current: NotebookStore,
    private readonly state: AppState,
    readonly startupAlarm: StartupAlarm | null = null,
  ) {}

  static defaultNotebookDir(dataDir: string): string {
    return join(dataDir, 'notebooks', 'default')
  }

  static async start(paths: SessionPaths): Promise<NotebookSession> {
    const state = await AppState.open(paths.dataDir)
    const last = state.lastNotebook
    const defaultDir = NotebookSession.defaultNotebookDir(paths.dataDir)
    let alarm: StartupAlarm | null = null
    if (last && last !== defaultDir) {
      try {
        if (await NotebookStore.exists(last))
          return await NotebookSession.begin(await NotebookStore.open(last), state)
        alarm = {
          dir: last,
          code: 'notebook-not-found',
          message: `The notebook you last had open, ${last}, was not found (moved, deleted, or on a drive that is not connected). The default notebook is open instead.`,
          backup: null,
        }
      } catch (error) {
        if (!(error instanceof DomainError)) throw error
        const details = error.details as { backup?: BackupInfo | null } | undefined
        alarm = { dir: last, code: error.code, message: error.message, backup: details?.backup ?? null }
      }
    }
    const store = (await NotebookStore.exists(defaultDir))
      ? await NotebookStore.open(defaultDir)
      : await createSampleNotebook(defaultDir, paths.sampleDir)
    return NotebookSession.begin(store, state, alarm)
  }

  private static async begin(store: NotebookStore, state: AppState, alarm: StartupAlarm | null = null) {
    await state.remember(store.dir)
    return new NotebookSession(store, state, alarm)
  }

  /** A session on one given notebook folder, for tests and for opening a notebook by path. */
  static async onNotebook(dir: string, dataDir: string): Promise<NotebookSession> {
    return NotebookSession.begin(await NotebookStore.open(dir), await AppState.open(dataDir))
  }

  get store(): NotebookStore {
    return this.current
  }

  /** Opens (or creates) the notebook in `dir`; the current one stays open if that fails. */
  async switchTo(dir: string, name?: string): Promise<NotebookStore> {
    const next = await NotebookStore.open(dir, name)
    const previous = this.current
    this.current = next
    if (previous !== next) await previous.close()
    await this.state.remember(next.dir)
    return next
  }

  /** Makes `store` (already open, e.g. from an archive import) the current notebook. */
  async adopt(store: NotebookStore): Promise<void> {
    const previous = this.current
    this.current = store
    if (previous !== store) await previous.close()
    await this.state.remember(store.dir)
  }

  /** Flushes every pending save and lets go of the notebook's lock (before the app quits). */
  close(): Promise<void> {
    return this.current.close()
  }
}
