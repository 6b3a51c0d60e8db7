/** Installs the application menu (built by menu-template.ts); rebuilt whenever the recent list changes. */
import { Menu } from 'electron'
import { buildMenuTemplate, type MenuInput } from './menu-template'

export function installMenu(input: MenuInput): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(input)))
}
