import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { buildMenuTemplate, type MenuInput } from './menu-template'

function build(platform: NodeJS.Platform, recentNotebooks: string[] = [], homeDir?: string) {
  const actions = { command: vi.fn(), openRecent: vi.fn(), clearRecent: vi.fn() }
  const input: MenuInput = { platform, recentNotebooks, actions, ...(homeDir ? { homeDir } : {}) }
  return { template: buildMenuTemplate(input), actions }
}

function submenuOf(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return Array.isArray(item?.submenu) ? item.submenu : []
}

function menu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  return submenuOf(template.find((m) => m.label?.replace('&', '') === label))
}

function item(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items.find((i) => i.label === label)
  if (!found) throw new Error(`no menu item ${label}`)
  return found
}

function click(entry: MenuItemConstructorOptions): void {
  ;(entry.click as () => void)()
}

describe('buildMenuTemplate', () => {
  it('has the app menu on macOS only, and the standard roles everywhere', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const roles = build(platform).template.map((m) => m.role)
      expect(roles.includes('appMenu')).toBe(platform === 'darwin')
      expect(roles).toEqual(expect.arrayContaining(['viewMenu', 'windowMenu', 'help']))
      const edit = menu(build(platform).template, 'Edit').map((i) => i.role)
      expect(edit).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll']))
    }
  })

  it('closes the window on macOS (the app menu quits) and quits elsewhere', () => {
    expect(menu(build('darwin').template, 'File').at(-1)?.role).toBe('close')
    expect(menu(build('win32').template, 'File').at(-1)?.role).toBe('quit')
    expect(menu(build('linux').template, 'File').at(-1)?.role).toBe('quit')
  })

  it.each([
    ['darwin', 'Cmd'],
    ['win32', 'Ctrl'],
    ['linux', 'Ctrl'],
  ] as const)('uses %s accelerators with %s', (platform, mod) => {
    const file = menu(build(platform).template, 'File')
    expect(item(file, 'New Notebook…').accelerator).toBe(`${mod}+Shift+N`)
    expect(item(file, 'Open Notebook…').accelerator).toBe(`${mod}+O`)
    expect(item(file, 'Import Files…').accelerator).toBe(`${mod}+I`)
    expect(item(file, 'Import Folder…').accelerator).toBe(`${mod}+Shift+O`)
    expect(item(file, 'Export Brief as PDF…').accelerator).toBe(`${mod}+P`)
    const edit = menu(build(platform).template, 'Edit')
    expect(item(edit, 'Undo').accelerator).toBe(`${mod}+Z`)
    // Every accelerator in the menu uses the platform's modifier, none the other one.
    const other = mod === 'Cmd' ? 'Ctrl' : 'Cmd'
    const all = JSON.stringify(build(platform).template, (k, v) => (k === 'click' ? undefined : v))
    expect(all).not.toContain(`${other}+`)
    expect(all).not.toContain('CmdOrCtrl')
  })

  it('binds Redo to Shift+Cmd+Z on macOS and Ctrl+Y elsewhere', () => {
    expect(item(menu(build('darwin').template, 'Edit'), 'Redo').accelerator).toBe('Shift+Cmd+Z')
    expect(item(menu(build('win32').template, 'Edit'), 'Redo').accelerator).toBe('Ctrl+Y')
    expect(item(menu(build('linux').template, 'Edit'), 'Redo').accelerator).toBe('Ctrl+Y')
  })

  it('sends File and Edit commands to the renderer', () => {
    const { template, actions } = build('linux')
    click(item(menu(template, 'File'), 'New Notebook…'))
    click(item(menu(template, 'File'), 'Import Notebook Archive…'))
    click(item(menu(template, 'File'), 'Export Brief as Word…'))
    click(item(menu(template, 'Edit'), 'Redo'))
    expect(actions.command.mock.calls).toEqual([
      ['new-notebook'],
      ['import-archive'],
      ['export-docx'],
      ['redo'],
    ])
  })

  it('lists recent notebooks in order under Open Recent, each opening its folder', () => {
    const { template, actions } = build(
      'darwin',
      ['/Users/ana/Notes/Korea', '/Volumes/work/Ukraine'],
      '/Users/ana',
    )
    const recent = submenuOf(item(menu(template, 'File'), 'Open Recent'))
    expect(recent.map((i) => i.label ?? i.type)).toEqual([
      '~/Notes/Korea',
      '/Volumes/work/Ukraine',
      'separator',
      'Clear Recent',
    ])
    click(recent[1]!)
    expect(actions.openRecent).toHaveBeenCalledExactlyOnceWith('/Volumes/work/Ukraine')
    click(item(recent, 'Clear Recent'))
    expect(actions.clearRecent).toHaveBeenCalledTimes(1)
  })

  it('shows an empty Open Recent with Clear Recent disabled', () => {
    const recent = submenuOf(item(menu(build('win32').template, 'File'), 'Open Recent'))
    expect(recent[0]).toMatchObject({ label: 'No Recent Notebooks', enabled: false })
    expect(item(recent, 'Clear Recent').enabled).toBe(false)
  })

  it('doubles & in recent paths on Windows and Linux so it is not read as a mnemonic', () => {
    const dir = 'C:\\Research\\Q&A'
    expect(submenuOf(item(menu(build('win32', [dir]).template, 'File'), 'Open Recent'))[0]?.label).toBe(
      'C:\\Research\\Q&&A',
    )
    expect(submenuOf(item(menu(build('darwin', ['/R/Q&A']).template, 'File'), 'Open Recent'))[0]?.label).toBe(
      '/R/Q&A',
    )
  })

  it.each(['darwin', 'win32', 'linux'] as const)(
    'gives no two items the same accelerator on %s, the roles’ own defaults included',
    (platform) => {
      const taken = new Map<string, string>()
      const clashes: string[] = []
      for (const { label, accelerator } of acceleratorsOf(build(platform, ['/nb']).template, platform)) {
        const key = normalise(accelerator, platform)
        const holder = taken.get(key)
        if (holder) clashes.push(`${key}: ${holder} and ${label}`)
        else taken.set(key, label)
      }
      expect(clashes).toEqual([])
      // The clash this guards against: Toggle Developer Tools is Ctrl+Shift+I off macOS.
      expect(taken.get(normalise('Ctrl+Shift+I', platform))).toBe(
        platform === 'darwin' ? undefined : 'toggleDevTools',
      )
    },
  )
})

/**
 * Electron's default accelerators for the roles the template uses, per platform, and what each menu
 * role expands to (electron/lib/browser/api/menu-item-roles.ts). A role not listed here fails the
 * test, so a new one is looked up rather than assumed to have no accelerator.
 */
function roleDefaults(
  platform: NodeJS.Platform,
): Record<string, { accelerator?: string; submenu?: string[] }> {
  const isMac = platform === 'darwin'
  return {
    appMenu: { submenu: ['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit'] },
    viewMenu: {
      submenu: [
        'reload',
        'forceReload',
        'toggleDevTools',
        'resetZoom',
        'zoomIn',
        'zoomOut',
        'togglefullscreen',
      ],
    },
    windowMenu: { submenu: ['minimize', 'zoom', isMac ? 'front' : 'close'] },
    help: {},
    about: {},
    services: {},
    hide: { accelerator: 'Command+H' },
    hideOthers: { accelerator: 'Command+Alt+H' },
    unhide: {},
    quit: platform === 'win32' ? {} : { accelerator: 'CommandOrControl+Q' },
    close: { accelerator: 'CommandOrControl+W' },
    cut: { accelerator: 'CommandOrControl+X' },
    copy: { accelerator: 'CommandOrControl+C' },
    paste: { accelerator: 'CommandOrControl+V' },
    selectAll: { accelerator: 'CommandOrControl+A' },
    reload: { accelerator: 'CmdOrCtrl+R' },
    forceReload: { accelerator: 'Shift+CmdOrCtrl+R' },
    toggleDevTools: { accelerator: isMac ? 'Alt+Command+I' : 'Ctrl+Shift+I' },
    resetZoom: { accelerator: 'CommandOrControl+0' },
    zoomIn: { accelerator: 'CommandOrControl+Plus' },
    zoomOut: { accelerator: 'CommandOrControl+-' },
    togglefullscreen: { accelerator: isMac ? 'Control+Command+F' : 'F11' },
    minimize: { accelerator: 'CommandOrControl+M' },
    zoom: {},
    front: {},
  }
}

/** Every accelerator the built menu would register, each with the item (label or role) that has it. */
function acceleratorsOf(
  items: readonly MenuItemConstructorOptions[],
  platform: NodeJS.Platform,
): Array<{ label: string; accelerator: string }> {
  const defaults = roleDefaults(platform)
  const found: Array<{ label: string; accelerator: string }> = []
  const visit = (item: MenuItemConstructorOptions | string) => {
    const entry = typeof item === 'string' ? { role: item as MenuItemConstructorOptions['role'] } : item
    const role = entry.role
    const known = role ? defaults[role] : undefined
    if (role && !known) throw new Error(`add the default accelerator of role ${role} to this test`)
    const accelerator = entry.accelerator ?? known?.accelerator
    if (typeof accelerator === 'string') found.push({ label: entry.label ?? String(role), accelerator })
    const submenu = Array.isArray(entry.submenu) ? entry.submenu : (known?.submenu ?? [])
    submenu.forEach(visit)
  }
  items.forEach(visit)
  return found
}

/** One spelling per key combination: CmdOrCtrl resolved for the platform, modifiers in a fixed order. */
function normalise(accelerator: string, platform: NodeJS.Platform): string {
  const names: Record<string, string> = {
    commandorcontrol: platform === 'darwin' ? 'Cmd' : 'Ctrl',
    cmdorctrl: platform === 'darwin' ? 'Cmd' : 'Ctrl',
    command: 'Cmd',
    cmd: 'Cmd',
    control: 'Ctrl',
    ctrl: 'Ctrl',
    alt: 'Alt',
    option: 'Alt',
    shift: 'Shift',
    super: 'Super',
    meta: 'Super',
  }
  const order = ['Cmd', 'Ctrl', 'Alt', 'Shift', 'Super']
  const parts = accelerator.split(/\+(?!$)/)
  const key = parts.pop()!.toUpperCase()
  const modifiers = parts
    .map((p) => names[p.toLowerCase()] ?? p)
    .sort((a, b) => order.indexOf(a) - order.indexOf(b))
  return [...modifiers, key].join('+')
}
