/** Events main sends to the renderer, all on one channel: menu commands and import progress. */
import type { ImportOutcome } from '../../main/core/import/importer'
import type { MenuCommand } from './menu-commands'
import type { StoreStatus } from '../../main/core/storage/problems'

export const EVENT_CHANNEL = 'app:event'

export type AppEvent =
  | { type: 'menu'; command: MenuCommand }
  | { type: 'import-progress'; jobId: string; done: number; total: number; outcome: ImportOutcome }
  /** Main switched to another notebook (Open Recent, a second launch): refetch everything. */
  | { type: 'notebook-changed' }
  /** Saving started or ended, or the notebook became read-only (see NotebookStore.status). */
  | { type: 'notebook-status'; status: StoreStatus }

export interface EventBridge {
  /** Subscribes to main's events; returns the unsubscribe function. */
  onEvent(listener: (event: AppEvent) => void): () => void
}
