/**
 * The browser test harness: the built renderer in a real Chromium, its `window.corroborate` bridged
 * with `page.exposeBinding` to the REAL main-side handlers (dispatch, zod validation, lowdb on a temp
 * folder). Only the native dialogs are stand-ins, answering what the test queues up, and so is the
 * preload's `pathsForFiles` (Electron's webUtils): see installBridge and drop-files.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test'
import { dispatch } from '../../src/main/api/dispatch'
import { createHandlers } from '../../src/main/api/handlers'
import type { NativeShell } from '../../src/main/api/native-shell'
import { Importer } from '../../src/main/core/import/importer'
import { NotebookSession } from '../../src/main/core/notebook-session'
import { API_GLOBAL, CHANNELS } from '../../src/shared/ipc/channel-names'
import { serveRenderer } from './renderer-server'

/** What the stand-in dialogs answer next. */
export interface DialogAnswers {
  filesToImport: string[]
  notebookFolder: string | null
  exportPath: string | null
  archive: string | null
}

/** What the offline guard saw; every browser test fails if either is non-empty at its end. */
export interface OfflineGuard {
  /** Requests that tried to leave the app's own origin (they are blocked). */
  strayRequests: string[]
  /** Page errors and console errors (a CSP violation shows up here). */
  pageErrors: string[]
}

export interface Harness extends OfflineGuard {
  page: Page
  notebookDir: string
  dialogs: DialogAnswers
  open(): Promise<void>
}

function scriptedShell(dialogs: DialogAnswers, context: BrowserContext): NativeShell {
  return {
    chooseFilesToImport: async () => dialogs.filesToImport,
    chooseArchive: async () => dialogs.archive,
    chooseNotebookFolder: async () => dialogs.notebookFolder,
    chooseExportPath: async () => dialogs.exportPath,
    // The same port Electron's printToPDF fills in the app: Chromium prints the brief's HTML.
    // The native "Open in Browser?" confirmation, answered Cancel: tests never leave the machine.
    openLinkInBrowser: async () => false,
    printHtmlToPdf: async (html) => {
      const page = await context.newPage()
      try {
        await page.setContent(html)
        return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true }))
      } finally {
        await page.close()
      }
    },
  }
}

/**
 * Runs in the page before the app: the same shape the preload exposes, one function per channel,
 * plus `pathsForFiles`. In the app that is webUtils.getPathForFile, which knows where a dropped File
 * lies on disk; a test cannot hand a page real desktop files, so dropFiles (drop-files.ts) writes
 * each file to disk first and records here which File stands for which path. A File the page made
 * itself has no path, as in Electron: ''.
 */
function installBridge({ globalName, channels }: { globalName: string; channels: readonly string[] }) {
  const page = window as unknown as {
    __corroborateInvoke: (c: string, a: unknown[]) => Promise<unknown>
    __corroborateEvent: (event: unknown) => void
    __corroborateDropped: (file: File, path: string) => void
  }
  const droppedPaths = new WeakMap<File, string>()
  page.__corroborateDropped = (file, path) => void droppedPaths.set(file, path)
  const pathsForFiles = (files: readonly File[]) => files.map((file) => droppedPaths.get(file) ?? '')
  const invoke = page.__corroborateInvoke
  const listeners = new Set<(event: unknown) => void>()
  page.__corroborateEvent = (event) => listeners.forEach((listener) => listener(event))
  const events = {
    onEvent(listener: (event: unknown) => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  // No call carries bytes (files go to main as paths), so Playwright's serialisation carries them all.
  const api = Object.fromEntries(
    channels.map((channel) => [channel, (...args: unknown[]) => invoke(channel, args)]),
  )
  Object.defineProperty(window, globalName, {
    value: Object.freeze({ ...api, pathsForFiles, events }),
    writable: false,
  })
}

export const test = base.extend<{ offlineGuard: OfflineGuard; app: Harness }, { rendererUrl: string }>({
  rendererUrl: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture list from this pattern
    async ({}, use) => {
      const server = await serveRenderer()
      await use(server.url)
      await server.close()
    },
    { scope: 'worker' },
  ],
  // Automatic: every test that imports `test` from here is guarded, whether or not it opens the app.
  offlineGuard: [
    async ({ page, rendererUrl }, use) => {
      const origin = new URL(rendererUrl).origin
      const guard: OfflineGuard = { strayRequests: [], pageErrors: [] }
      await page.route('**/*', (route) => {
        const url = route.request().url()
        if (new URL(url).origin === origin) return route.continue()
        guard.strayRequests.push(url)
        return route.abort('blockedbyclient')
      })
      page.on('pageerror', (error) => guard.pageErrors.push(error.message))
      page.on('console', (message) => {
        if (message.type() === 'error') guard.pageErrors.push(message.text())
      })
      await use(guard)
      // Every browser test also proves the app stayed offline and raised no errors (CSP included).
      expect(guard.strayRequests, 'requests that left the app').toEqual([])
      expect(guard.pageErrors, 'errors in the page').toEqual([])
    },
    { auto: true },
  ],
  app: async ({ page, rendererUrl, offlineGuard }, use) => {
    const root = await mkdtemp(join(tmpdir(), 'corroborate-e2e-'))
    const notebookDir = join(root, 'notebook')
    const session = await NotebookSession.onNotebook(notebookDir, join(root, 'data'))
    const dialogs: DialogAnswers = {
      filesToImport: [],
      notebookFolder: null,
      exportPath: null,
      archive: null,
    }
    const importer = new Importer()
    const handlers = createHandlers(session, scriptedShell(dialogs, page.context()), {
      importer,
      // Main's events reach the page the way webContents.send would deliver them.
      emit: (event) =>
        void page
          .evaluate(
            (e) => (window as unknown as { __corroborateEvent(e: unknown): void }).__corroborateEvent(e),
            event,
          )
          .catch(() => undefined),
    })
    await page.exposeBinding('__corroborateInvoke', (_source, channel: unknown, args: unknown) =>
      dispatch(handlers, channel, args),
    )
    await page.addInitScript(installBridge, { globalName: API_GLOBAL, channels: CHANNELS })

    const harness: Harness = {
      page,
      notebookDir,
      dialogs,
      strayRequests: offlineGuard.strayRequests,
      pageErrors: offlineGuard.pageErrors,
      open: async () => {
        await page.goto(rendererUrl)
        await expect(page.getByRole('toolbar', { name: 'Notebook' })).toBeVisible()
      },
    }
    await use(harness)
    await session.close()
    await importer.close()
    await rm(root, { recursive: true, force: true })
  },
})

export { expect }
