/** Wires each contract channel to `dispatch`, answering only our own renderer's top frame. */
import { app, ipcMain, type IpcMainInvokeEvent } from 'electron'
import { CHANNELS, type Channel } from '../../shared/ipc/channel-names'
import { dispatch } from '../api/dispatch'
import type { Handlers } from '../api/handlers'
import { rendererUrl } from './renderer-url'
import { isTrustedSender } from './trusted-sender'

function senderFrameOf(event: IpcMainInvokeEvent) {
  const frame = event.senderFrame
  return frame ? { url: frame.url, isMainFrame: frame.parent === null } : null
}

/** `onHandled` runs after each trusted call (the shell refreshes the menu after notebook changes). */
export function registerIpc(handlers: Handlers, onHandled?: (channel: Channel) => void): void {
  // The dev server is trusted only where main-window.ts loads it: in an unpackaged run.
  const { devServerUrl } = rendererUrl({ isPackaged: app.isPackaged, env: process.env })
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      if (!isTrustedSender(senderFrameOf(event), devServerUrl)) {
        return {
          ok: false,
          error: { code: 'forbidden', message: 'Request from an untrusted frame refused.' },
        }
      }
      try {
        return await dispatch(handlers, channel, args)
      } finally {
        onHandled?.(channel)
      }
    })
  }
}
