/**
 * Launches the built app (out/) in Electron on a fresh user-data folder, for the `electron` project.
 * Where no Electron binary exists the calling test is skipped with the reason.
 *
 * Electron is given the project root, as `npm start` does (`electron .`): the app is the folder whose
 * package.json names `out/main/index.js`, so `app.getAppPath()` is the root and the sample notebook
 * and CSL styles under resources/ are found. Given `out/main/index.js` itself, the app path would
 * be out/main and the app would quit at start.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, test, type ElectronApplication, type Page } from '@playwright/test'
import { findElectron } from '../support/find-electron'

const ROOT = join(import.meta.dirname, '..', '..')

export interface LaunchedApp {
  app: ElectronApplication
  page: Page
  close(): Promise<void>
}

export async function launchApp(): Promise<LaunchedApp> {
  const found = findElectron()
  test.skip('reason' in found, 'reason' in found ? found.reason : '')
  if (!('path' in found)) throw new Error('unreachable: skipped above')
  const userData = await mkdtemp(join(tmpdir(), 'corroborate-electron-'))
  const app = await electron.launch({
    executablePath: found.path,
    args: [ROOT, `--user-data-dir=${userData}`, '--no-sandbox'],
    cwd: ROOT,
  })
  const page = await app.firstWindow()
  return {
    app,
    page,
    async close() {
      await app.close()
      await rm(userData, { recursive: true, force: true })
    },
  }
}
