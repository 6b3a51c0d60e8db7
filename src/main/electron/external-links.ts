/**
 * Opens a link in the user's browser or mail program, only if it is https: or mailto: and only after
 * the user says yes in a native dialog. The renderer cannot click that dialog, so nothing a page does
 * can open a URL by itself; and the dialog shows the real address, whatever the link's text said.
 */
import { dialog, shell, type BrowserWindow } from 'electron'
import { externalLinkPrompt, isSafeExternalUrl } from './external-url'

export async function openExternalAfterConfirm(window: BrowserWindow | null, url: string): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false
  const prompt = externalLinkPrompt(url)
  const { response } = window
    ? await dialog.showMessageBox(window, prompt)
    : await dialog.showMessageBox(prompt)
  if (response !== 0) return false
  // Reviewed (docs/security.md): https:/mailto: only, after the user's yes in a native dialog.
  await shell.openExternal(url) // eng-disable OPEN_EXTERNAL_JS_CHECK
  return true
}
