/**
 * App lifecycle: one instance, the app:// scheme and the security policy before anything loads, then
 * the notebook session, IPC, the menu and the window; on quit, everything saved first. This is the
 * only place that knows Electron's app object; the domain underneath is plain Node.
 */
import { homedir } from 'node:os'
import { join } from 'node:path'
import { app, BrowserWindow, dialog, session as electronSession } from 'electron'
import { createHandlers } from '../api/handlers'
import { AppState } from '../core/app-state'
import { Importer } from '../core/import/importer'
import { NotebookSession } from '../core/notebook-session'
import type { Channel } from '../../shared/ipc/channel-names'
import { EVENT_CHANNEL, type AppEvent } from '../../shared/ipc/events'
import { registerAppScheme, serveRenderer } from './app-protocol'
import { createElectronShell } from './electron-shell'
import { registerIpc } from './ipc'
import { parseLaunchTarget, type LaunchTarget } from './launch-args'
import { createMainWindow, focusWindow, placementOf, RENDERER_DIR } from './main-window'
import { installMenu } from './menu'
import { createNotebookOpener } from './notebook-opener'
import { createQuitGuard } from './quit-guard'
import { hardenAllWebContents } from './security'
import { launchTargetOf } from './second-instance'

/** The renderer's calls that may switch the session to another notebook (so the recents change). */
const NOTEBOOK_SWITCHING_CHANNELS = new Set<Channel>([
  'notebook:open',
  'notebook:create',
  'notebook:importArchive',
])

export function startApp(): void {
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
  let openTarget = (target: LaunchTarget) => void pending.push(target)
  // macOS: a file dropped on the Dock icon or opened from Finder; it may come before ready.
  app.on('open-file', (event, path) => {
    event.preventDefault()
    openTarget(parseLaunchTarget(['', path], '/', true) ?? { kind: 'notebook', path })
  })
  app.on('second-instance', (_event, argv, cwd, additionalData) => {
    const window = BrowserWindow.getAllWindows()[0]
    if (window) focusWindow(window)
    const target = launchTargetOf(additionalData, argv, cwd, app.isPackaged)
    if (target) openTarget(target)
  })
  void app.whenReady().then(async () => {
    const open = await run()
    if (!open) return
    openTarget = (target) => void open(target)
    for (const target of pending.splice(0)) await open(target)
  })
}

async function run(): Promise<((target: LaunchTarget) => Promise<void>) | null> {
  serveRenderer(electronSession.defaultSession, RENDERER_DIR)
  const dataDir = app.getPath('userData')
  let session: NotebookSession
  try {
    session = await NotebookSession.start({
      dataDir,
      sampleDir: join(app.getAppPath(), 'resources', 'sample'),
    })
  } catch (error) {
    dialog.showErrorBox('Corroborate cannot open its notebook', (error as Error).message)
    app.quit()
    return null
  }
  // The shell's own view of state.json (recents, window placement); AppState serialises the writes.
  const state = await AppState.open(dataDir)
  const getWindow = () => BrowserWindow.getAllWindows()[0] ?? null
  const importer = new Importer()
  const emit = (event: AppEvent) => getWindow()?.webContents.send(EVENT_CHANNEL, event)
  const shell = createElectronShell(getWindow)
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
  registerIpc(createHandlers(session, shell, { importer, emit, cslDir }), (channel) => {
    // Opening, creating or importing a notebook from the renderer changes the recent list too.
    if (NOTEBOOK_SWITCHING_CHANNELS.has(channel)) void refreshMenu()
  })
  await refreshMenu()

  const windowSaves = new Set<Promise<void>>()
  const showWindow = () => {
    const window = createMainWindow(state.windowPlacement)
    window.on('close', () => {
      const save = state.rememberWindow(placementOf(window)).catch(() => undefined)
      windowSaves.add(save)
      void save.finally(() => windowSaves.delete(save))
    })
  }
  showWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) showWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
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
  return opener.open
}
