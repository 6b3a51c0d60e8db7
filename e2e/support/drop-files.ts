import type { Page } from '@playwright/test'

/**
 * Drops files on the app window as a drag from the desktop would: a DataTransfer holding real File
 * objects, dispatched as a `drop` event, so the app's own drop handling is what gets tested.
 */
export async function dropFiles(
  page: Page,
  files: Array<{ name: string; bytes: Uint8Array }>,
): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, base64: Buffer.from(f.bytes).toString('base64') }))
  await page.evaluate((list) => {
    const transfer = new DataTransfer()
    for (const { name, base64 } of list) {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
      transfer.items.add(new File([bytes], name))
    }
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, cancelable: true }))
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }))
  }, payload)
}
