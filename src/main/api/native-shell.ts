/**
 * What the handlers need from the desktop: native dialogs and printing. Electron implements it with `dialog`;
 * the browser test harness with answers the test queues up. Everything behind it is real code.
 */
export interface NativeShell {
  /** Paths the user picked to import (files, or one folder to import whole); empty when cancelled. */
  chooseFilesToImport(kind: 'files' | 'folder'): Promise<string[]>
  /** A notebook archive (.corroborate) to import; null when cancelled. */
  chooseArchive(): Promise<string | null>
  /** A folder for a notebook to open or create; null when cancelled. */
  chooseNotebookFolder(purpose: 'open' | 'create'): Promise<string | null>
  /** Where to save an export; null when cancelled. */
  chooseExportPath(
    defaultName: string,
    filter: { name: string; extensions: string[] },
  ): Promise<string | null>
  /**
   * Prints a standalone HTML document to PDF with the platform's Chromium: Electron's printToPDF in
   * the app, Playwright's page.pdf in tests. The HTML carries its own CSP and no script.
   */
  printHtmlToPdf(html: string): Promise<Uint8Array>
  /**
   * Opens an https or mailto link in the system's browser or mail app after the user confirms it in
   * a native dialog (the page cannot click that); resolves whether it was opened.
   */
  openLinkInBrowser(url: string): Promise<boolean>
}
