/** Server state from main, through TanStack Query: every edit invalidates the notebook snapshot. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Channel } from '../../shared/ipc/channel-names'
import type { ApiValue } from '../../shared/ipc/api'
import { call } from './api'

export const notebookKey = ['notebook'] as const

export function useNotebook() {
  return useQuery({ queryKey: notebookKey, queryFn: () => call('notebook:snapshot') })
}

export function useSourceContent(sourceId: string | null) {
  return useQuery({
    queryKey: ['source-content', sourceId],
    queryFn: () => call('sources:content', sourceId!),
    enabled: sourceId !== null,
    // A source's text is content-addressed: it never changes under the same id.
    staleTime: Infinity,
  })
}

/** A mutation on any channel that refreshes the notebook snapshot when it succeeds. */
export function useCommand<C extends Channel>(channel: C) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (args: Parameters<Window['corroborate'][C]>): Promise<ApiValue<C>> => call(channel, ...args),
    onSuccess: () => client.invalidateQueries({ queryKey: notebookKey }),
  })
}
