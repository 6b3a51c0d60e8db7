/**
 * Test helper: a fresh temp folder per test, and stores opened on it closed (locks released) and the
 * folder removed after the test, so store tests state only what they are about.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import { NotebookStore } from '../notebook-store'

export function useTempNotebooks(prefix: string, name?: string) {
  const state = { dir: '', stores: [] as NotebookStore[] }
  beforeEach(async () => {
    state.dir = await mkdtemp(join(tmpdir(), `corroborate-${prefix}-`))
  })
  afterEach(async () => {
    for (const store of state.stores.splice(0)) await store.close()
    await rm(state.dir, { recursive: true, force: true })
  })
  return {
    /** This test's folder. */
    get dir() {
      return state.dir
    },
    /** Opens the notebook in this test's folder; it is closed after the test. */
    async open(storeName = name): Promise<NotebookStore> {
      const store = await NotebookStore.open(state.dir, storeName)
      state.stores.push(store)
      return store
    },
  }
}
