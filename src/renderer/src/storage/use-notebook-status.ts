/**
 * The open notebook's health, from main: saving or saved, read-only and why, what it set aside, and
 * the alarm when the notebook the analyst meant could not be opened. Kept fresh by main's events;
 * a switch of notebook (Open Recent, a second launch) refetches everything.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import type { ApiValue } from '../../../shared/ipc/api'
import { call } from '../api'

export const statusKey = ['notebook-status'] as const
export type NotebookStatus = ApiValue<'notebook:status'>

export function useNotebookStatus() {
  const client = useQueryClient()
  const status = useQuery({ queryKey: statusKey, queryFn: () => call('notebook:status') })
  useEffect(
    () =>
      window.corroborate.events?.onEvent((event) => {
        if (event.type === 'notebook-changed') void client.invalidateQueries()
        if (event.type === 'notebook-status')
          client.setQueryData<NotebookStatus>(statusKey, (old) => (old ? { ...old, ...event.status } : old))
      }),
    [client],
  )
  return status
}
