/**
 * The preload: the renderer's only door to main. It exposes exactly the channels of the IPC
 * contract, as fixed functions (never ipcRenderer itself), plus the menu's command events.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { Api } from '../shared/ipc/api'
import { API_GLOBAL, type Channel } from '../shared/ipc/channel-names'
import { MENU_COMMAND_CHANNEL, type MenuCommand } from '../shared/ipc/menu-commands'

function invoker<C extends Channel>(channel: C): Api[C] {
  return ((...args: unknown[]) => ipcRenderer.invoke(channel, ...args)) as Api[C]
}

const api = {
  'notebook:snapshot': invoker('notebook:snapshot'),
  'notebook:open': invoker('notebook:open'),
  'notebook:create': invoker('notebook:create'),
  'sources:importDialog': invoker('sources:importDialog'),
  'sources:importFiles': invoker('sources:importFiles'),
  'sources:importPaste': invoker('sources:importPaste'),
  'sources:text': invoker('sources:text'),
  'sources:update': invoker('sources:update'),
  'sources:delete': invoker('sources:delete'),
  'annotations:create': invoker('annotations:create'),
  'annotations:update': invoker('annotations:update'),
  'annotations:delete': invoker('annotations:delete'),
  'annotations:restore': invoker('annotations:restore'),
  'brief:export': invoker('brief:export'),
} satisfies Api

const menu = {
  onCommand(listener: (command: MenuCommand) => void): () => void {
    const wrapped = (_event: IpcRendererEvent, command: MenuCommand) => listener(command)
    ipcRenderer.on(MENU_COMMAND_CHANNEL, wrapped)
    return () => ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, wrapped)
  },
}

contextBridge.exposeInMainWorld(API_GLOBAL, { ...api, menu })
