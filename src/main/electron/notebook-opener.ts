/**
 * Opens what the shell is asked to open outside the renderer's own buttons: a recent notebook from
 * the menu, a folder or archive given to a second launch or (macOS) dropped on the Dock icon. Each
 * switches the session, then tells the renderer to reload everything (`notebook-changed`).
 */
import { readFile } from 'node:fs/promises'
import { dialog } from 'electron'
import type { NativeShell } from '../api/native-shell'
import { importArchive } from '../core/archive'
import { NotebookStore } from '../core/notebook-store'
import type { NotebookSession } from '../core/notebook-session'
import type { AppEvent } from '../../shared/ipc/events'
import type { LaunchTarget } from './launch-args'

export interface NotebookOpenerDeps {
  session: NotebookSession
  shell: NativeShell
  emit(event: AppEvent): void
  /** Called after every switch, so the Open Recent menu shows the new order. */
  onSwitched(): void
}

export function createNotebookOpener({ session, shell, emit, onSwitched }: NotebookOpenerDeps) {
  const switched = () => {
    emit({ type: 'notebook-changed' })
    onSwitched()
  }
  const fail = (what: string, error: unknown) =>
    dialog.showErrorBox(
      `Corroborate cannot open ${what}`,
      error instanceof Error ? error.message : String(error),
    )

  async function openNotebook(dir: string): Promise<void> {
    // A recent folder may have been moved since the menu was built: say so rather than create one there.
    if (!(await NotebookStore.exists(dir))) {
      fail(dir, new Error('This folder no longer holds a Corroborate notebook.'))
      onSwitched()
      return
    }
    try {
      await session.switchTo(dir)
      switched()
    } catch (error) {
      fail(dir, error)
    }
  }

  async function openArchive(file: string): Promise<void> {
    const dir = await shell.chooseNotebookFolder('create')
    if (!dir) return
    try {
      await importArchive(new Uint8Array(await readFile(file)), dir)
      await session.switchTo(dir)
      switched()
    } catch (error) {
      fail(file, error)
    }
  }

  return {
    openNotebook,
    open: (target: LaunchTarget) =>
      target.kind === 'archive' ? openArchive(target.path) : openNotebook(target.path),
  }
}
