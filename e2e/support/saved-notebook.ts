/**
 * What a test's notebook folder holds on disk, read from the files themselves (not the running
 * store's memory), whatever the storage layout: proof that an edit was really saved.
 */
import { readNotebookFolder } from '../../src/main/core/storage/read-folder'
import type { NotebookData } from '../../src/shared/model'

export function savedNotebook(dir: string): Promise<NotebookData> {
  return readNotebookFolder(dir)
}
