/**
 * Native dialogs for tests, as e2e/support/harness.ts stands them in: every dialog answers what the
 * test set, so nothing waits for a person. Exports go to `exportDir` (outside any notebook), folder
 * and archive pickers are cancelled so a call can never move the session to another notebook.
 */
import { join } from 'node:path'
import type { NativeShell } from '../native-shell'

export function cancellingShell(exportDir: string): NativeShell {
  return {
    chooseFilesToImport: async () => [],
    chooseArchive: async () => null,
    chooseNotebookFolder: async () => null,
    chooseExportPath: async (defaultName) => join(exportDir, defaultName),
    // No Chromium here; the PDF bytes do not matter to the notebook, only that the call completes.
    printHtmlToPdf: async () => new TextEncoder().encode('%PDF-1.7\n%%EOF\n'),
    openLinkInBrowser: async () => false,
  }
}
