/**
 * The preload: the renderer's only door to main. It exposes exactly the channels of the IPC
 * contract, as fixed functions (never ipcRenderer itself), plus main's events (menu, progress) and
 * the paths of dropped files (webUtils, answered here: no IPC).
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import type { Api, FileBridge } from '../shared/ipc/api'
import { API_GLOBAL, type Channel } from '../shared/ipc/channel-names'
import { EVENT_CHANNEL, type AppEvent, type EventBridge } from '../shared/ipc/events'

function invoker<C extends Channel>(channel: C): Api[C] {
  return ((...args: unknown[]) => ipcRenderer.invoke(channel, ...args)) as Api[C]
}

const api = {
  'notebook:snapshot': invoker('notebook:snapshot'),
  'notebook:open': invoker('notebook:open'),
  'notebook:create': invoker('notebook:create'),
  'notebook:exportArchive': invoker('notebook:exportArchive'),
  'notebook:importArchive': invoker('notebook:importArchive'),
  'claims:exportCsv': invoker('claims:exportCsv'),
  'annotations:exportJsonLd': invoker('annotations:exportJsonLd'),
  'sources:importDialog': invoker('sources:importDialog'),
  'sources:importPaths': invoker('sources:importPaths'),
  'sources:importUrl': invoker('sources:importUrl'),
  'sources:cancelImport': invoker('sources:cancelImport'),
  'sources:importPaste': invoker('sources:importPaste'),
  'sources:content': invoker('sources:content'),
  'sources:update': invoker('sources:update'),
  'sources:delete': invoker('sources:delete'),
  'sources:restore': invoker('sources:restore'),
  'annotations:create': invoker('annotations:create'),
  'annotations:update': invoker('annotations:update'),
  'annotations:delete': invoker('annotations:delete'),
  'annotations:restore': invoker('annotations:restore'),
  'claims:create': invoker('claims:create'),
  'claims:update': invoker('claims:update'),
  'claims:link': invoker('claims:link'),
  'claims:unlink': invoker('claims:unlink'),
  'claims:delete': invoker('claims:delete'),
  'claims:restore': invoker('claims:restore'),
  'claims:fromSuggestion': invoker('claims:fromSuggestion'),
  'claims:deleteWithAnnotations': invoker('claims:deleteWithAnnotations'),
  'claims:restoreWithAnnotations': invoker('claims:restoreWithAnnotations'),
  'sources:grade': invoker('sources:grade'),
  'tags:create': invoker('tags:create'),
  'tags:update': invoker('tags:update'),
  'tags:merge': invoker('tags:merge'),
  'tags:unmerge': invoker('tags:unmerge'),
  'tags:delete': invoker('tags:delete'),
  'tags:restore': invoker('tags:restore'),
  'search:query': invoker('search:query'),
  'analysis:conflicts': invoker('analysis:conflicts'),
  'brief:export': invoker('brief:export'),
  'briefs:save': invoker('briefs:save'),
  'briefs:delete': invoker('briefs:delete'),
  'briefs:restore': invoker('briefs:restore'),
  'briefs:export': invoker('briefs:export'),
  'briefs:citations': invoker('briefs:citations'),
  'notebook:status': invoker('notebook:status'),
  'notebook:recover': invoker('notebook:recover'),
  'backups:list': invoker('backups:list'),
  'backups:create': invoker('backups:create'),
  'backups:restore': invoker('backups:restore'),
  'links:openExternal': invoker('links:openExternal'),
  'tasks:cancel': invoker('tasks:cancel'),
} satisfies Api

const events = {
  onEvent(listener: (event: AppEvent) => void): () => void {
    const wrapped = (_event: IpcRendererEvent, event: AppEvent) => listener(event)
    ipcRenderer.on(EVENT_CHANNEL, wrapped)
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, wrapped)
  },
} satisfies EventBridge

const files = {
  // A folder dropped from the desktop arrives as a File too; its path is the folder's.
  pathsForFiles: (dropped: readonly File[]) => dropped.map((file) => webUtils.getPathForFile(file)),
} satisfies FileBridge

contextBridge.exposeInMainWorld(API_GLOBAL, { ...api, ...files, events })
