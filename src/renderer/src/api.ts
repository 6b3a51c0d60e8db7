/** Calls main through the preload's API and turns `{ok: false}` answers into thrown ApiErrors. */
import type { ApiValue } from '../../shared/ipc/api'
import type { Channel } from '../../shared/ipc/channel-names'
import type { IpcError } from '../../shared/ipc/result'

export class ApiError extends Error {
  constructor(readonly error: IpcError) {
    super(error.message)
    this.name = 'ApiError'
  }
}

export async function call<C extends Channel>(
  channel: C,
  ...args: Parameters<Window['corroborate'][C]>
): Promise<ApiValue<C>> {
  const invoke = window.corroborate[channel] as (...a: unknown[]) => ReturnType<Window['corroborate'][C]>
  const result = await invoke(...args)
  if (!result.ok) throw new ApiError(result.error)
  return result.value as ApiValue<C>
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
