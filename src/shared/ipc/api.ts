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
