/** Help > Licences… sends the `licences` command on every platform (the renderer opens the dialog). */
import { describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../../shared/ipc/menu-commands'
import { buildMenuTemplate } from './menu-template'

describe('Help > Licences…', () => {
  it.each(['darwin', 'win32', 'linux'] as const)('sends the licences command (%s)', (platform) => {
    const sent: MenuCommand[] = []
    const template = buildMenuTemplate({
      platform,
      recentNotebooks: [],
      actions: { command: (c) => sent.push(c), openRecent: () => {}, clearRecent: () => {} },
    })
    const help = template.find((menu) => menu.role === 'help')?.submenu as MenuItemConstructorOptions[]
    const item = help.find((entry) => entry.label === 'Licences…')
    expect(item).toBeDefined()
    ;(item!.click as () => void)()
    expect(sent).toEqual(['licences'])
  })
})
