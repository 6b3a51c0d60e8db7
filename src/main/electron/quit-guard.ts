/**
 * Quitting waits for the notebook to be saved: the first `before-quit` is held back while `flush`
 * runs (pending saves, the notebook lock, the import workers), then the app quits for real. Pure
 * (the event and `quit` are passed in), so the order is tested without Electron.
 */
export interface PreventableEvent {
  preventDefault(): void
}

/** A flush that hangs must not keep the app open forever; saves are atomic, so quitting is safe. */
export const QUIT_FLUSH_TIMEOUT_MS = 10_000

export function createQuitGuard(
  flush: () => Promise<void>,
  quit: () => void,
  timeoutMs = QUIT_FLUSH_TIMEOUT_MS,
): (event: PreventableEvent) => void {
  let state: 'open' | 'flushing' | 'flushed' = 'open'
  return (event) => {
    if (state === 'flushed') return
    event.preventDefault()
    if (state === 'flushing') return
    state = 'flushing'
    let timer: ReturnType<typeof setTimeout> | undefined
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs)
    })
    void Promise.race([flush().catch(() => undefined), timeout]).then(() => {
      clearTimeout(timer)
      state = 'flushed'
      quit()
    })
  }
}
