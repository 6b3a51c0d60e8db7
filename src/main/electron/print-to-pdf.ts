/**
 * Prints the brief's standalone HTML to PDF in a hidden, locked-down window: no JavaScript, no
 * preload (web-preferences.ts); navigation and new windows are refused for every webContents
 * (security.ts). The HTML is written to a temp file and loaded from there (a data: URL would be
 * capped in size), and the file is removed afterwards.
 */
import { randomUUID } from 'node:crypto'
import { rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BrowserWindow } from 'electron'
import { printWindowWebPreferences } from './web-preferences'

export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  const file = join(tmpdir(), `corroborate-brief-${randomUUID()}.html`)
  await writeFile(file, html, 'utf8')
  // webPreferences from web-preferences.ts (tested); window.open is denied in security.ts (docs/security.md).
  // prettier-ignore
  const window = new BrowserWindow({ // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
    show: false,
    webPreferences: printWindowWebPreferences(),
  })
  try {
    await window.loadFile(file)
    const pdf = await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' })
    return new Uint8Array(pdf)
  } finally {
    window.destroy()
    await rm(file, { force: true })
  }
}
