/** Commands the native menu sends to the renderer (main -> renderer, one event channel). */
export const MENU_COMMAND_CHANNEL = 'menu:command'

export const MENU_COMMANDS = [
  'import-files',
  'paste-text',
  'export-markdown',
  'export-html',
  'open-notebook',
  'new-notebook',
] as const

export type MenuCommand = (typeof MENU_COMMANDS)[number]

export interface MenuBridge {
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onCommand(listener: (command: MenuCommand) => void): () => void
}
