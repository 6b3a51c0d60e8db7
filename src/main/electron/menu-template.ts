/**
 * The application menu as data: built from the platform, the recent notebooks and the actions to
 * call, so the per-platform rules (Cmd on macOS, Ctrl elsewhere; Redo as Shift+Cmd+Z or Ctrl+Y; the
 * app menu only on macOS) are tested without Electron. menu.ts hands the result to Electron.
 */
import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../../shared/ipc/menu-commands'

export interface MenuActions {
  /** A command for the renderer to carry out (sent as a `menu` event). */
  command(command: MenuCommand): void
  /** Open a recent notebook (main switches the session and tells the renderer). */
  openRecent(dir: string): void
  clearRecent(): void
}

export interface MenuInput {
  platform: NodeJS.Platform
  /** Most recent first, already pruned of folders that are gone. */
  recentNotebooks: readonly string[]
  /** Shown as `~` in recent paths, so long home folders do not crowd the menu. */
  homeDir?: string
  actions: MenuActions
}

/** Windows and Linux read `&` in a label as a mnemonic marker; `&&` shows one ampersand. */
function menuLabel(text: string, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? text : text.replaceAll('&', '&&')
}

function recentLabel(dir: string, input: MenuInput): string {
  const { homeDir, platform } = input
  const shown = homeDir && dir.startsWith(homeDir) && dir !== homeDir ? `~${dir.slice(homeDir.length)}` : dir
  return menuLabel(shown, platform)
}

function openRecentSubmenu(input: MenuInput): MenuItemConstructorOptions[] {
  const { recentNotebooks, actions } = input
  const entries: MenuItemConstructorOptions[] =
    recentNotebooks.length > 0
      ? recentNotebooks.map((dir) => ({
          label: recentLabel(dir, input),
          click: () => actions.openRecent(dir),
        }))
      : [{ label: 'No Recent Notebooks', enabled: false }]
  return [
    ...entries,
    { type: 'separator' },
    { label: 'Clear Recent', enabled: recentNotebooks.length > 0, click: () => actions.clearRecent() },
  ]
}

export function buildMenuTemplate(input: MenuInput): MenuItemConstructorOptions[] {
  const isMac = input.platform === 'darwin'
  // Explicit rather than CmdOrCtrl, so the template says (and the tests check) what each platform gets.
  const mod = isMac ? 'Cmd' : 'Ctrl'
  const send = (command: MenuCommand) => () => input.actions.command(command)
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: isMac ? 'File' : '&File',
      submenu: [
        { label: 'New Notebook…', accelerator: `${mod}+Shift+N`, click: send('new-notebook') },
        { label: 'Open Notebook…', accelerator: `${mod}+O`, click: send('open-notebook') },
        { label: 'Open Recent', submenu: openRecentSubmenu(input) },
        { label: 'Backups…', click: send('backups') },
        { type: 'separator' },
        { label: 'Import Files…', accelerator: `${mod}+I`, click: send('import-files') },
        // Not Shift+I: off macOS that is Toggle Developer Tools (the View menu's role).
        { label: 'Import Folder…', accelerator: `${mod}+Shift+O`, click: send('import-folder') },
        { label: 'Import from URL…', accelerator: `${mod}+L`, click: send('import-url') },
        { label: 'Paste as New Source…', accelerator: `${mod}+Shift+V`, click: send('paste-text') },
        { label: 'Import Notebook Archive…', click: send('import-archive') },
        { type: 'separator' },
        { label: 'Export Brief as Markdown…', accelerator: `${mod}+E`, click: send('export-markdown') },
        { label: 'Export Brief as HTML…', accelerator: `${mod}+Shift+E`, click: send('export-html') },
        { label: 'Export Brief as Word…', click: send('export-docx') },
        { label: 'Export Brief as PDF…', accelerator: `${mod}+P`, click: send('export-pdf') },
        { label: 'Export Claims Matrix as CSV…', click: send('export-csv') },
        { label: 'Export Annotations as W3C JSON-LD…', click: send('export-jsonld') },
        { label: 'Export Notebook Archive…', click: send('export-archive') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: isMac ? 'Edit' : '&Edit',
      submenu: [
        // Undo/redo go to the renderer, which undoes notebook edits (or text edits in a field).
        { label: 'Undo', accelerator: `${mod}+Z`, click: send('undo') },
        { label: 'Redo', accelerator: isMac ? 'Shift+Cmd+Z' : 'Ctrl+Y', click: send('redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'Keyboard Shortcuts', accelerator: `${mod}+/`, click: send('shortcuts') },
        { label: 'Licences…', click: send('licences') },
      ],
    },
  ]
}
