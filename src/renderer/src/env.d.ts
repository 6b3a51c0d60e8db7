import type { Api, FileBridge } from '../../shared/ipc/api'
import type { EventBridge } from '../../shared/ipc/events'

declare global {
  interface Window {
    /** Put there by the preload (or, in browser tests, by the harness with the same shape). */
    corroborate: Api & FileBridge & { events?: EventBridge }
  }
}
