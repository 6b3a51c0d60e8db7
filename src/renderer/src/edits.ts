/**
 * Every edit the UI makes, as undoable steps: each calls main, records how to reverse and repeat
 * itself in the undo history, and refreshes the notebook.
 */
import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { ApiValue } from '../../shared/ipc/api'
import type { Channel } from '../../shared/ipc/channel-names'
import { call } from './api'
import { notebookKey } from './queries'
import { useUndo } from './undo'

type Args<C extends Channel> = Parameters<Window['corroborate'][C]>
export type Step = { [C in Channel]: [C, ...Args<C>] }[Channel]

const run = (step: Step): Promise<unknown> => {
  const [channel, ...args] = step
  return (call as (c: Channel, ...a: unknown[]) => Promise<unknown>)(channel, ...args)
}

export function useEdit() {
  const { record } = useUndo()
  const client = useQueryClient()
  return useCallback(
    /**
     * Runs `channel` now; `reverse(result)` gives the step that undoes it and `again(result)` the one
     * that redoes it (by default the same call again).
     */
    async <C extends Channel>(
      label: string,
      channel: C,
      args: Args<C>,
      reverse: (result: ApiValue<C>) => Step,
      again?: (result: ApiValue<C>) => Step,
    ): Promise<ApiValue<C>> => {
      const result = (await run([channel, ...args] as unknown as Step)) as ApiValue<C>
      const undoStep = reverse(result)
      const redoStep = again ? again(result) : ([channel, ...args] as unknown as Step)
      record({ label, undo: () => run(undoStep), redo: () => run(redoStep) })
      await client.invalidateQueries({ queryKey: notebookKey })
      return result
    },
    [record, client],
  )
}
