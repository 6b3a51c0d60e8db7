/**
 * `prestart` / `predev`: makes sure the Electron binary that electron-vite launches is here. electron 45
 * downloads it only when `require('electron')` runs, which electron-vite never does (it reads
 * `node_modules/electron/path.txt`), so a fresh clone stopped with "Electron uninstall". This runs
 * electron's own installer (which returns at once when the binary is already here) and, when the
 * download fails, prints one message saying what failed and how to fix it instead of a stack trace.
 * Not a `postinstall`: `npm ci` must keep working offline.
 *
 *   node --import tsx scripts/ensure-electron.ts   (from the project root, as npm runs it)
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import {
  electronMirror,
  firstErrorLine,
  installerEnv,
  installFailureMessage,
  nodeTooOld,
  nodeTooOldWarning,
} from './ensure-electron-report'

// The electron package of the project being started (npm runs scripts from its root), which is the
// one electron-vite resolves too.
const projectRequire = createRequire(join(process.cwd(), 'package.json'))
const electronDir = dirname(projectRequire.resolve('electron/package.json'))
const electron = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')) as {
  version: string
  engines?: { node?: string }
}

// electron-vite launches ELECTRON_EXEC_PATH when set, whatever path.txt says: nothing to download.
const execPath = process.env['ELECTRON_EXEC_PATH']
if (execPath) {
  if (existsSync(execPath)) process.exit(0)
  console.error(`ELECTRON_EXEC_PATH is set to ${execPath}, which does not exist.`)
  process.exit(1)
}

if (!looksInstalled()) {
  // Only the download needs the newer Node (electron-vite itself runs on 20.19); Electron has its own.
  const minimum = nodeTooOld(process.versions.node, electron.engines?.node ?? '')
  if (minimum) console.warn(nodeTooOldWarning(process.version, electron.version, minimum))
  console.log(`Downloading Electron ${electron.version} (about 100 MB, only once)…`)
}
const installer = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
  env: installerEnv(process.env),
  stdio: ['ignore', 'inherit', 'pipe'],
  encoding: 'utf8',
})
if (installer.status === 0) {
  process.stderr.write(installer.stderr)
  process.exit(0)
}
const env = process.env
const platform = env['ELECTRON_INSTALL_PLATFORM'] || env['npm_config_platform'] || process.platform
const arch = env['ELECTRON_INSTALL_ARCH'] || env['npm_config_arch'] || process.arch
console.error(
  installFailureMessage({
    version: electron.version,
    target: `${platform}-${arch}`,
    mirror: electronMirror(env),
    error: installer.error ? installer.error.message : firstErrorLine(installer.stderr ?? ''),
  }),
)
process.exit(1)

/** Only decides whether to announce a download; electron's installer makes the real check. */
function looksInstalled(): boolean {
  const pathFile = join(electronDir, 'path.txt')
  return existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8')))
}
