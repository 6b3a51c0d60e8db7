import type { Api } from '../../shared/ipc/api'
import type { MenuBridge } from '../../shared/ipc/menu-commands'

declare global {
  interface Window {
    /** Put there by the preload (or, in browser tests, by the harness with the same shape). */
    corroborate: Api & { menu?: MenuBridge }
  }
}
