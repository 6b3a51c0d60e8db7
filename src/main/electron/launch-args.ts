/**
 * What a launch asks the app to open: a notebook folder or a `.corroborate` archive named on the
 * command line (the first launch's `process.argv`, or a second launch's argv, which the first
 * instance receives). Pure: whether the folder really holds a notebook is checked by the caller.
 */
import { isAbsolute, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ARCHIVE_EXTENSION } from '../core/archive'

export type LaunchTarget = { kind: 'notebook'; path: string } | { kind: 'archive'; path: string }

/**
 * `argv[0]` is the executable; unpackaged (`electron .` or `electron out/main/index.js`) `argv[1]` is
 * the app itself. Chromium and Electron switches (`--user-data-dir=…`, `--no-sandbox`, anything
 * starting with `-`) are not targets; nor is a `-psn_…` macOS process id. A `file://` URL is a path
 * (Linux file managers pass one for the desktop entry's `%U`); any other URL (`http:`, …) is not a
 * target. The last remaining argument wins, as it does for most desktop apps.
 */
export function parseLaunchTarget(
  argv: readonly string[],
  cwd: string,
  isPackaged: boolean,
): LaunchTarget | null {
  const args = argv.slice(isPackaged ? 1 : 2)
  let target: LaunchTarget | null = null
  for (const arg of args) {
    if (arg === '' || arg.startsWith('-')) continue
    const path = pathOf(arg, cwd)
    if (path === null) continue
    target = path.toLowerCase().endsWith(ARCHIVE_EXTENSION)
      ? { kind: 'archive', path }
      : { kind: 'notebook', path }
  }
  return target
}

/** An argument as an absolute path: a plain path (relative to `cwd`) or a local `file://` URL. */
function pathOf(arg: string, cwd: string): string | null {
  if (!/^[a-z][a-z0-9+.-]+:\/\//i.test(arg)) return isAbsolute(arg) ? resolve(arg) : resolve(cwd, arg)
  if (!/^file:\/\//i.test(arg)) return null
  try {
    // Decodes %20 and friends; refuses a remote host (file://server/…) off Windows and encoded slashes.
    return resolve(fileURLToPath(arg))
  } catch {
    return null
  }
}
