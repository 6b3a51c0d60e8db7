/**
 * Keeps a development run (`npm start`, `npm run dev`: an unpackaged app) apart from the installed
 * app. Electron keys the single-instance lock on the userData folder, so a dev run sharing the
 * installed app's folder would hand its launch to the installed app (focusing it, and quitting) or
 * open the same notebooks and state.json. Unpackaged runs get their own `<name>-dev` folder instead,
 * and on Windows their own AppUserModelID, so the taskbar does not group them with the installed app.
 * Pure: app.ts applies the results before the lock is taken and before `ready`.
 */
import { join } from 'node:path'
import { APP_ID } from './app-id'

export const DEV_SUFFIX = '-dev'

/**
 * The userData folder to use instead of Electron's default, or null to keep the default: kept for a
 * packaged app, and for any run given `--user-data-dir` (the tests isolate each launch that way).
 */
export function userDataOverride(input: {
  isPackaged: boolean
  appDataDir: string
  appName: string
  hasUserDataDirSwitch: boolean
}): string | null {
  if (input.isPackaged || input.hasUserDataDirSwitch) return null
  return join(input.appDataDir, `${input.appName}${DEV_SUFFIX}`)
}

/** Windows: the installer's shortcuts carry APP_ID; the running app must say the same to share their icon. */
export function appUserModelId(isPackaged: boolean): string {
  return isPackaged ? APP_ID : `${APP_ID}${DEV_SUFFIX}`
}
