/**
 * What the handlers need from the desktop: native dialogs. Electron implements it with `dialog`;
 * the browser test harness with answers the test queues up. Everything behind it is real code.
 */
export interface NativeShell {
  /** Paths the user picked to import (files, or one folder to import whole); empty when cancelled. */
  chooseFilesToImport(kind: 'files' | 'folder'): Promise<string[]>
  /** A folder for a notebook to open or create; null when cancelled. */
  chooseNotebookFolder(purpose: 'open' | 'create'): Promise<string | null>
  /** Where to save an export; null when cancelled. */
  chooseExportPath(
    defaultName: string,
    filter: { name: string; extensions: string[] },
  ): Promise<string | null>
}
