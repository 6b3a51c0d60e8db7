import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { APP_ID } from './app-id'
import { appUserModelId, userDataOverride } from './instance-identity'

const appDataDir = join('/home', 'ana', '.config')

describe('userDataOverride', () => {
  it('gives an unpackaged run its own Corroborate-dev folder beside the installed one', () => {
    expect(
      userDataOverride({
        isPackaged: false,
        appDataDir,
        appName: 'Corroborate',
        hasUserDataDirSwitch: false,
      }),
    ).toBe(join(appDataDir, 'Corroborate-dev'))
  })

  it("keeps Electron's folder for the installed app", () => {
    expect(
      userDataOverride({ isPackaged: true, appDataDir, appName: 'Corroborate', hasUserDataDirSwitch: false }),
    ).toBeNull()
  })

  it('keeps a folder given with --user-data-dir', () => {
    expect(
      userDataOverride({ isPackaged: false, appDataDir, appName: 'Corroborate', hasUserDataDirSwitch: true }),
    ).toBeNull()
  })
})

describe('appUserModelId', () => {
  it("is the installer's appId when packaged, and a separate id for a dev run", () => {
    expect(appUserModelId(true)).toBe(APP_ID)
    expect(appUserModelId(false)).toBe(`${APP_ID}-dev`)
  })
})
