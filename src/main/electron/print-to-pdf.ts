/**
 * Prints the brief's standalone HTML to PDF in a hidden, locked-down window: no JavaScript, no
 * preload, no navigation. The HTML is written to a temp file and loaded from there (a data: URL would
 * be capped in size), and the file is removed afterwards.
 */
import { randomUUID } from 'node:crypto'
import { rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BrowserWindow } from 'electron'

export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  const file = join(tmpdir(), `corroborate-brief-${randomUUID()}.html`)
  await writeFile(file, html, 'utf8')
  const window = new BrowserWindow({
    show: false,
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false },
  })
  window.webContents.on('will-navigate', (event) => event.preventDefault())
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  try {
    await window.loadFile(file)
    const pdf = await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' })
    return new Uint8Array(pdf)
  } finally {
    window.destroy()
    await rm(file, { force: true })
  }
}
