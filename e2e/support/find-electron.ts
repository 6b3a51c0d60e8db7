/**
 * Finds an Electron binary for the `_electron` project without `require('electron')`, which would try
 * to download one. Returns the binary, or the reason there is none (the project then reports skipped).
 * Looks where `npm start` does: ELECTRON_EXEC_PATH (which electron-vite launches when set), then the
 * binary `npm start` downloads into node_modules/electron (path.txt); ELECTRON_OVERRIDE_DIST_PATH is
 * honoured too, as electron's own `require('electron')` does.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export function findElectron(): { path: string } | { reason: string } {
  const execPath = process.env['ELECTRON_EXEC_PATH']
  if (execPath) {
    return existsSync(execPath)
      ? { path: execPath }
      : { reason: `ELECTRON_EXEC_PATH is set but ${execPath} does not exist` }
  }
  const overrideDist = process.env['ELECTRON_OVERRIDE_DIST_PATH']
  const root = join(import.meta.dirname, '..', '..', 'node_modules', 'electron')
  const pathFile = join(root, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : defaultBinaryName()
  const path = overrideDist ? join(overrideDist, relative) : join(root, 'dist', relative)
  if (existsSync(path)) return { path }
  return {
    reason: overrideDist
      ? `ELECTRON_OVERRIDE_DIST_PATH is set but ${path} does not exist`
      : 'no Electron binary on this machine: `npm start` (or `npx install-electron`) downloads it, which needs internet; or set ELECTRON_EXEC_PATH to an Electron executable',
  }
}

function defaultBinaryName(): string {
  if (process.platform === 'win32') return 'electron.exe'
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron'
  return 'electron'
}
