/**
 * What a launch asks the app to open: a notebook folder or a `.corroborate` archive named on the
 * command line (the first launch's `process.argv`, or a second launch's argv, which the first
 * instance receives). Pure: whether the folder really holds a notebook is checked by the caller.
 */
import { isAbsolute, resolve } from 'node:path'
import { ARCHIVE_EXTENSION } from '../core/archive'

export type LaunchTarget = { kind: 'notebook'; path: string } | { kind: 'archive'; path: string }

/**
 * `argv[0]` is the executable; unpackaged (`electron .` or `electron out/main/index.js`) `argv[1]` is
 * the app itself. Chromium and Electron switches (`--user-data-dir=…`, `--no-sandbox`, anything
 * starting with `-`) are not targets; nor is a `file:`/`http:` URL or a `-psn_…` macOS process id.
 * The last remaining argument wins, as it does for most desktop apps.
 */
export function parseLaunchTarget(
  argv: readonly string[],
  cwd: string,
  isPackaged: boolean,
): LaunchTarget | null {
  const args = argv.slice(isPackaged ? 1 : 2)
  let target: LaunchTarget | null = null
  for (const arg of args) {
    if (arg === '' || arg.startsWith('-') || /^[a-z][a-z0-9+.-]+:\/\//i.test(arg)) continue
    const path = isAbsolute(arg) ? resolve(arg) : resolve(cwd, arg)
    target = arg.toLowerCase().endsWith(ARCHIVE_EXTENSION)
      ? { kind: 'archive', path }
      : { kind: 'notebook', path }
  }
  return target
}
