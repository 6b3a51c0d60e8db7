/** The application menu: platform roles, plus File commands sent to the renderer to carry out. */
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import { EVENT_CHANNEL, type AppEvent } from '../../shared/ipc/events'
import type { MenuCommand } from '../../shared/ipc/menu-commands'

export function installMenu(getWindow: () => BrowserWindow | null): void {
  const send = (command: MenuCommand) => () =>
    getWindow()?.webContents.send(EVENT_CHANNEL, { type: 'menu', command } satisfies AppEvent)
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Notebook…', accelerator: 'CmdOrCtrl+Shift+N', click: send('new-notebook') },
        { label: 'Open Notebook…', accelerator: 'CmdOrCtrl+O', click: send('open-notebook') },
        { type: 'separator' },
        { label: 'Import Files…', accelerator: 'CmdOrCtrl+I', click: send('import-files') },
        { label: 'Import Folder…', accelerator: 'CmdOrCtrl+Shift+I', click: send('import-folder') },
        { label: 'Import from URL…', accelerator: 'CmdOrCtrl+L', click: send('import-url') },
        { label: 'Paste as New Source…', accelerator: 'CmdOrCtrl+Shift+V', click: send('paste-text') },
        { type: 'separator' },
        { label: 'Export Brief as Markdown…', accelerator: 'CmdOrCtrl+E', click: send('export-markdown') },
        { label: 'Export Brief as HTML…', accelerator: 'CmdOrCtrl+Shift+E', click: send('export-html') },
        { label: 'Export Brief as Word…', click: send('export-docx') },
        { label: 'Export Brief as PDF…', accelerator: 'CmdOrCtrl+P', click: send('export-pdf') },
        { label: 'Export Claims Matrix as CSV…', click: send('export-csv') },
        { label: 'Export Annotations as W3C JSON-LD…', click: send('export-jsonld') },
        { type: 'separator' },
        { label: 'Export Notebook Archive…', click: send('export-archive') },
        { label: 'Import Notebook Archive…', click: send('import-archive') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        // Undo/redo go to the renderer, which undoes notebook edits (or text edits in a field).
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: send('undo') },
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
      submenu: [{ label: 'Keyboard Shortcuts', accelerator: 'CmdOrCtrl+/', click: send('shortcuts') }],
    },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
