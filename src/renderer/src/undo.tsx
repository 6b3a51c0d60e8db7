/**
 * Undo and redo for every edit. Each edit records how to reverse and repeat itself (both are calls
 * to main); Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z (or Ctrl+Y) walk the history, except inside a text
 * field, where the browser's own text undo applies.
 */
import { useQueryClient } from '@tanstack/react-query'
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react'
import { errorMessage } from './api'
import { useNotify } from './notices'
import { notebookKey } from './queries'

export interface UndoEntry {
  label: string
  undo(): Promise<unknown>
  redo(): Promise<unknown>
}

interface UndoApi {
  record(entry: UndoEntry): void
  undo(): Promise<void>
  redo(): Promise<void>
  undoLabel: string | null
  redoLabel: string | null
}

const UndoContext = createContext<UndoApi | null>(null)
const LIMIT = 200

export function useUndo(): UndoApi {
  const api = useContext(UndoContext)
  if (!api) throw new Error('useUndo outside UndoProvider')
  return api
}

export function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  )
}

export function UndoProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient()
  const notify = useNotify()
  const done = useRef<UndoEntry[]>([])
  const undone = useRef<UndoEntry[]>([])
  // The stacks live in refs (read by callbacks); what the UI shows is copied into state.
  const [labels, setLabels] = useState<{ undo: string | null; redo: string | null }>({
    undo: null,
    redo: null,
  })
  const bump = useCallback(
    () => setLabels({ undo: done.current.at(-1)?.label ?? null, redo: undone.current.at(-1)?.label ?? null }),
    [],
  )

  const record = useCallback(
    (entry: UndoEntry) => {
      done.current = [...done.current.slice(-LIMIT + 1), entry]
      undone.current = []
      bump()
    },
    [bump],
  )

  const step = useCallback(
    async (from: { current: UndoEntry[] }, to: { current: UndoEntry[] }, direction: 'undo' | 'redo') => {
      const entry = from.current.at(-1)
      if (!entry) return
      from.current = from.current.slice(0, -1)
      try {
        await entry[direction]()
        to.current = [...to.current, entry]
        notify({ tone: 'info', text: `${direction === 'undo' ? 'Undid' : 'Redid'}: ${entry.label}` })
      } catch (error) {
        notify({ tone: 'error', text: `Could not ${direction} “${entry.label}”: ${errorMessage(error)}` })
      }
      await client.invalidateQueries({ queryKey: notebookKey })
      bump()
    },
    [client, notify, bump],
  )
  const undo = useCallback(() => step(done, undone, 'undo'), [step])
  const redo = useCallback(() => step(undone, done, 'redo'), [step])

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || isTextField(event.target)) return
      const key = event.key.toLowerCase()
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault()
        void undo()
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault()
        void redo()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [undo, redo])

  const api = useMemo<UndoApi>(
    () => ({ record, undo, redo, undoLabel: labels.undo, redoLabel: labels.redo }),
    [record, undo, redo, labels],
  )
  return <UndoContext.Provider value={api}>{children}</UndoContext.Provider>
}
