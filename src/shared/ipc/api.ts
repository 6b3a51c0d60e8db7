/**
 * The API the preload puts on `window.corroborate`, derived from main's handler implementations
 * (type-only import: nothing of main reaches the renderer bundle).
 */
import type { Handlers } from '../../main/api/handlers'
import type { Channel } from './channel-names'
import type { IpcResult } from './result'

export type Api = {
  [C in Channel]: (...args: Parameters<Handlers[C]>) => Promise<IpcResult<Awaited<ReturnType<Handlers[C]>>>>
}

export type ApiValue<C extends Channel> = Awaited<ReturnType<Handlers[C]>>

/**
 * Part of the bridge but not an IPC channel: the preload answers it in the page's own process. In
 * the app it is Electron's `webUtils.getPathForFile`, the only way a sandboxed, isolated page can
 * learn where a dropped file is (Electron 32 removed `File.path`); main then reads the paths.
 */
export interface FileBridge {
  /** Each file's path on disk, in order; '' for a File not backed by one (dragged from a web page). */
  pathsForFiles(files: readonly File[]): string[]
}
