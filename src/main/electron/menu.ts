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
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
