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
})
