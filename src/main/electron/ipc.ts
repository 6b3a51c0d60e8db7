/** Wires each contract channel to `dispatch`, answering only our own renderer's top frame. */
import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { CHANNELS, type Channel } from '../../shared/ipc/channel-names'
import { dispatch } from '../api/dispatch'
import type { Handlers } from '../api/handlers'
import { isTrustedSender } from './trusted-sender'

function senderFrameOf(event: IpcMainInvokeEvent) {
  const frame = event.senderFrame
  return frame ? { url: frame.url, isMainFrame: frame.parent === null } : null
}

/** `onHandled` runs after each trusted call (the shell refreshes the menu after notebook changes). */
export function registerIpc(handlers: Handlers, onHandled?: (channel: Channel) => void): void {
  const devServer = process.env['ELECTRON_RENDERER_URL']
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      if (!isTrustedSender(senderFrameOf(event), devServer)) {
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
