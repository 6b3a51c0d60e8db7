/**
 * The one door into the handlers: validates the payload against the channel's zod schema, runs the
 * handler, and answers `{ok, value}` or `{ok: false, error}`. Electron's ipcMain and the browser
 * test harness both call this, so tests exercise the same validation the app does.
 */
import { CHANNELS, type Channel } from '../../shared/ipc/channel-names'
import { payloads } from '../../shared/ipc/payloads'
import type { IpcResult } from '../../shared/ipc/result'
import { DomainError } from '../core/domain-error'
import type { Handlers } from './handlers'

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && (CHANNELS as readonly string[]).includes(name)
}

export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  args: unknown,
): Promise<IpcResult<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'unknown-channel', message: `No such command: ${String(channel)}` } }
  }
  const parsed = payloads[channel].safeParse(args)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const message = issue ? `${issue.path.join('.') || 'payload'}: ${issue.message}` : 'Invalid request'
    return { ok: false, error: { code: 'invalid-payload', message, details: parsed.error.issues } }
  }
  try {
    const handler = handlers[channel] as (...a: unknown[]) => Promise<unknown>
    return { ok: true, value: await handler(...(parsed.data as unknown[])) }
  } catch (error) {
    if (error instanceof DomainError) {
      return { ok: false, error: { code: error.code, message: error.message, details: error.details } }
    }
    console.error(`[ipc] ${channel} failed`, error)
    return {
      ok: false,
      error: { code: 'internal', message: `Something went wrong: ${(error as Error).message}` },
    }
  }
}
