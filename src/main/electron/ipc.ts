/** Wires each contract channel to `dispatch`, answering only our own renderer's frame. */
import { pathToFileURL } from 'node:url'
import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { CHANNELS } from '../../shared/ipc/channel-names'
import { dispatch } from '../api/dispatch'
import type { Handlers } from '../api/handlers'
import { RENDERER_FILE } from './main-window'

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? ''
  const devServer = process.env['ELECTRON_RENDERER_URL']
  if (devServer) return url.startsWith(devServer)
  return url === pathToFileURL(RENDERER_FILE).href || url.startsWith(`${pathToFileURL(RENDERER_FILE).href}#`)
}

export function registerIpc(handlers: Handlers): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      if (!isTrustedSender(event)) {
        return {
          ok: false,
          error: { code: 'forbidden', message: 'Request from an untrusted frame refused.' },
        }
      }
      return dispatch(handlers, channel, args)
    })
  }
}
