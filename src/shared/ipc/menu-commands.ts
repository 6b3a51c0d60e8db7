/** Commands the native menu sends to the renderer (as `{ type: 'menu' }` events). */
export const MENU_COMMANDS = [
  'import-files',
  'import-folder',
  'import-url',
  'paste-text',
  'export-markdown',
  'export-html',
  'export-docx',
  'export-pdf',
  'open-notebook',
  'export-archive',
  'import-archive',
  'export-csv',
  'export-jsonld',
  'new-notebook',
  'undo',
  'redo',
  'shortcuts',
  'backups',
  'licences',
] as const

export type MenuCommand = (typeof MENU_COMMANDS)[number]
