/**
 * Test helper: closes a store if it can be closed. The storage layer is gaining a lock (and with it
 * a `close()`); until then there is nothing to release. Tests call this before another process, or
 * another open, touches the same folder, so they keep working on both sides of that change.
 */
import type { NotebookStore } from '../notebook-store'

export async function closeStore(store: NotebookStore): Promise<void> {
  await (store as { close?: () => Promise<void> | void }).close?.()
}
