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
import type { StoreStatus } from './storage/problems'
import { recoverFolder } from './storage/restore'

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
  private readonly statusListeners = new Set<(status: StoreStatus) => void>()
  private unwatch: () => void

  private constructor(
    private current: NotebookStore,
    private readonly state: AppState,
    /** Why the session did not open the notebook the analyst meant (at start, or by Open…). */
    private alarm: StartupAlarm | null = null,
  ) {
    this.unwatch = this.watch(current)
  }

  get startupAlarm(): StartupAlarm | null {
    return this.alarm
  }

  private watch(store: NotebookStore): () => void {
    return store.onStatus((status) => this.statusListeners.forEach((listener) => listener(status)))
  }

  /** Status of whichever notebook is open, now and after every switch. */
  onStatus(listener: (status: StoreStatus) => void): () => void {
    this.statusListeners.add(listener)
    return () => this.statusListeners.delete(listener)
  }

  private async replaceStore(next: NotebookStore): Promise<void> {
    const previous = this.current
    this.current = next
    this.alarm = null
    if (previous === next) return
    this.unwatch()
    this.unwatch = this.watch(next)
    await previous.close()
    this.statusListeners.forEach((listener) => listener(next.status))
  }

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
    let next: NotebookStore
    try {
      next = await NotebookStore.open(dir, name)
    } catch (error) {
      // Kept so the window can offer that notebook's newest good backup (see recover).
      if (error instanceof DomainError) {
        const details = error.details as { backup?: BackupInfo | null } | undefined
        this.alarm = { dir, code: error.code, message: error.message, backup: details?.backup ?? null }
      }
      throw error
    }
    await this.replaceStore(next)
    await this.state.remember(next.dir)
    return next
  }

  /**
   * Restores backup `backupId` into the notebook that last refused to open (the alarm's folder, and
   * only that one: the renderer never names a folder to write into), then opens it.
   */
  async recover(backupId: string): Promise<NotebookStore> {
    const alarm = this.alarm
    if (!alarm) throw new DomainError('not-found', 'No notebook is waiting to be recovered.')
    await recoverFolder(alarm.dir, backupId)
    return this.switchTo(alarm.dir)
  }

  /** Flushes every pending save and lets go of the notebook's lock (before the app quits). */
  close(): Promise<void> {
    this.unwatch()
    return this.current.close()
  }
}
