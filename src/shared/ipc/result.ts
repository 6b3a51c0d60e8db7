/** Every IPC answer is a value, never a thrown error: the renderer decides how to show failures. */
export interface IpcError {
  /** Stable machine-readable reason, e.g. `invalid-payload`, `quote-mismatch`, `not-found`. */
  code: string
  /** A sentence a user can read. */
  message: string
  details?: unknown
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError }
