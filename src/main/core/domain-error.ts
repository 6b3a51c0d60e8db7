/**
 * An error the user caused or can act on (bad file, missing source, quote that no longer matches).
 * The IPC layer turns it into `{ ok: false, error }` with its code and message intact; any other
 * thrown error is reported as an internal fault.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'DomainError'
  }
}
