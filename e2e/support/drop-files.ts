import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import type { Page } from '@playwright/test'

/**
 * Drops files and folders that exist on disk on the app window, as a drag from the desktop would:
 * a DataTransfer holding File objects, dispatched as `dragover` and `drop`, so the app's own drop
 * handling is what gets tested. The page never reads a dropped file: it asks the bridge for each
 * File's path and main reads the path. In Electron the File knows its path (webUtils); here each
 * File is recorded with its path for the harness's stand-in (harness.ts, installBridge). A file
 * carries its real bytes; a folder, as Chromium gives it, is an empty File named like the folder.
 */
export async function dropPaths(page: Page, paths: readonly string[]): Promise<void> {
  const items = await Promise.all(
    paths.map(async (path) => ({
      path,
      name: basename(path),
      base64: (await stat(path)).isDirectory() ? '' : (await readFile(path)).toString('base64'),
    })),
  )
  await page.evaluate((list) => {
    const recordPath = (window as unknown as { __corroborateDropped(file: File, path: string): void })
      .__corroborateDropped
    const transfer = new DataTransfer()
    for (const { path, name, base64 } of list) {
      const file = new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name)
      recordPath(file, path)
      transfer.items.add(file)
    }
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, cancelable: true }))
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }))
  }, items)
}

/**
 * Drops files given as name and bytes: each is written to a temp folder of its own first (so two
 * with the same name can be dropped together), removed when the page closes.
 */
export async function dropFiles(
  page: Page,
  files: ReadonlyArray<{ name: string; bytes: Uint8Array }>,
): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'corroborate-drop-'))
  page.once('close', () => void rm(dir, { recursive: true, force: true }))
  const paths: string[] = []
  for (const [index, file] of files.entries()) {
    await mkdir(join(dir, String(index)))
    paths.push(join(dir, String(index), file.name))
    await writeFile(paths.at(-1)!, file.bytes)
  }
  await dropPaths(page, paths)
}
