/**
 * App lifecycle: one instance, the app:// scheme and the security policy before anything loads, then
 * the notebook session, IPC, the menu and the window; on quit, everything saved first. This is the
 * only place that knows Electron's app object; the domain underneath is plain Node. Every step after
 * `ready` is named (startup-failure.ts): if one fails, an error box says which and why, and the app
 * quits, rather than running on with no window.
 */
import { homedir } from 'node:os'
import { join } from 'node:path'
import { app, BrowserWindow, session as electronSession } from 'electron'
import { createHandlers } from '../api/handlers'
import { AppState } from '../core/app-state'
import { Importer } from '../core/import/importer'
import { NotebookSession } from '../core/notebook-session'
import type { Channel } from '../../shared/ipc/channel-names'
import { EVENT_CHANNEL, type AppEvent } from '../../shared/ipc/events'
import { registerAppScheme, serveRenderer } from './app-protocol'
import { createElectronShell } from './electron-shell'
import { quitWithError } from './failure-dialogs'
import { appUserModelId, userDataOverride } from './instance-identity'
import { registerIpc } from './ipc'
import { parseLaunchTarget, type LaunchTarget } from './launch-args'
import { createMainWindow, focusWindow, placementOf, RENDERER_DIR } from './main-window'
import { installMenu } from './menu'
import { createNotebookOpener } from './notebook-opener'
import { createQuitGuard } from './quit-guard'
import { hardenAllWebContents } from './security'
import { launchTargetOf } from './second-instance'
import { startupFailure, startupStep, STEPS } from './startup-failure'
import { chromiumFetch } from './url-fetch'

/** The renderer's calls that may switch the session to another notebook (so the recents change). */
const NOTEBOOK_SWITCHING_CHANNELS = new Set<Channel>([
  'notebook:open',
  'notebook:create',
  'notebook:importArchive',
])

/** The running app, once started: what launches, the Dock and Finder ask of it. */
interface StartedApp {
  open(target: LaunchTarget): Promise<void>
  /** Focuses the main window, or opens one if every window was closed (macOS keeps running). */
  showWindow(): void
}

export function startApp(): void {
  // Before the single-instance lock, which Electron keys on the userData folder, and before `ready`.
  const devUserData = userDataOverride({
    isPackaged: app.isPackaged,
    appDataDir: app.getPath('appData'),
    appName: app.getName(),
    hasUserDataDirSwitch: app.commandLine.hasSwitch('user-data-dir'),
  })
  if (devUserData) app.setPath('userData', devUserData)
  // Windows: the same id as the installer's shortcuts (electron-builder's appId), so a pinned
  // taskbar icon and the running window are one.
  if (process.platform === 'win32') app.setAppUserModelId(appUserModelId(app.isPackaged))
  registerAppScheme()
  // A second launch hands its arguments to the first instance (below) and exits.
  if (!app.requestSingleInstanceLock({ argv: process.argv, cwd: process.cwd() })) {
    app.quit()
    return
  }
  hardenAllWebContents()
  const pending: LaunchTarget[] = []
  const first = parseLaunchTarget(process.argv, process.cwd(), app.isPackaged)
  if (first) pending.push(first)
  let started: StartedApp | null = null
  const openTarget = (target: LaunchTarget) => {
    if (!started) return void pending.push(target)
    started.showWindow()
    void started.open(target)
  }
  // macOS: a file dropped on the Dock icon or opened from Finder; it may come before ready, or
  // after every window was closed (then it brings a window back).
  app.on('open-file', (event, path) => {
    event.preventDefault()
    openTarget(parseLaunchTarget(['', path], '/', true) ?? { kind: 'notebook', path })
  })
  app.on('second-instance', (_event, argv, cwd, additionalData) => {
    started?.showWindow()
    const target = launchTargetOf(additionalData, argv, cwd, app.isPackaged)
    if (target) openTarget(target)
  })
  void app
    .whenReady()
    .then(run)
    .then(
      async (ready) => {
        started = ready
        for (const target of pending.splice(0)) await ready.open(target)
      },
      (error: unknown) => quitWithError(startupFailure(error)),
    )
}

async function run(): Promise<StartedApp> {
  serveRenderer(electronSession.defaultSession, RENDERER_DIR)
  const dataDir = app.getPath('userData')
  const session = await startupStep(STEPS.notebook, () =>
    NotebookSession.start({ dataDir, sampleDir: join(app.getAppPath(), 'resources', 'sample') }),
  )
  // The shell's own view of state.json (recents, window placement, dialog folders); AppState
  // serialises the writes.
  const state = await startupStep(STEPS.state, () => AppState.open(dataDir))
  const getWindow = () => BrowserWindow.getAllWindows()[0] ?? null
  const importer = new Importer(undefined, undefined, { analyseTexts: true })
  const windowSaves = new Set<Promise<void>>()
  // Registered before the IPC, menu and window steps, so a start that fails in one of them still
  // flushes and releases the notebook (its lock) as it quits.
  app.on(
    'before-quit',
    createQuitGuard(
      async () => {
        const window = getWindow()
        if (window) await state.rememberWindow(placementOf(window)).catch(() => undefined)
        await Promise.allSettled([...windowSaves])
        await session.close() // pending saves flushed, the notebook's lock released
        await importer.close()
      },
      () => app.quit(),
    ),
  )
  const emit = (event: AppEvent) => getWindow()?.webContents.send(EVENT_CHANNEL, event)
  const shell = createElectronShell(getWindow, state)
  const cslDir = join(app.getAppPath(), 'resources', 'csl')

  const refreshMenu = async () =>
    installMenu({
      platform: process.platform,
      recentNotebooks: await state.recentNotebooks(),
      homeDir: homedir(),
      actions: {
        command: (command) => emit({ type: 'menu', command }),
        openRecent: (dir) => void opener.openNotebook(dir),
        clearRecent: () => void state.clearRecentNotebooks().then(refreshMenu),
      },
    })
  const opener = createNotebookOpener({ session, shell, emit, onSwitched: () => void refreshMenu() })
  await startupStep(STEPS.ipc, () =>
    registerIpc(
      createHandlers(session, shell, { importer, emit, cslDir, fetch: chromiumFetch }),
      (channel) => {
        // Opening, creating or importing a notebook from the renderer changes the recent list too.
        if (NOTEBOOK_SWITCHING_CHANNELS.has(channel)) void refreshMenu()
      },
    ),
  )
  await startupStep(STEPS.menu, refreshMenu)

  const createWindow = () => {
    const window = createMainWindow(state.windowPlacement)
    window.on('close', () => {
      const save = state.rememberWindow(placementOf(window)).catch(() => undefined)
      windowSaves.add(save)
      void save.finally(() => windowSaves.delete(save))
    })
  }
  const showWindow = () => {
    const window = getWindow()
    if (window) focusWindow(window)
    else createWindow()
  }
  await startupStep(STEPS.window, createWindow)
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  return { open: opener.open, showWindow }
}
