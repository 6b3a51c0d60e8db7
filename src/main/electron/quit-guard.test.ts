import { describe, expect, it, vi } from 'vitest'
import { createQuitGuard } from './quit-guard'

function quitEvent() {
  return { preventDefault: vi.fn() }
}

describe('createQuitGuard', () => {
  it('holds the first quit until the flush is done, then quits once', async () => {
    let finishFlush!: () => void
    const flush = vi.fn(() => new Promise<void>((resolve) => (finishFlush = resolve)))
    const quit = vi.fn()
    const onBeforeQuit = createQuitGuard(flush, quit)

    const first = quitEvent()
    onBeforeQuit(first)
    expect(first.preventDefault).toHaveBeenCalled()
    expect(flush).toHaveBeenCalledTimes(1)
    // A second Quit while saving neither quits early nor flushes twice.
    const impatient = quitEvent()
    onBeforeQuit(impatient)
    expect(impatient.preventDefault).toHaveBeenCalled()
    expect(flush).toHaveBeenCalledTimes(1)
    await Promise.resolve()
    expect(quit).not.toHaveBeenCalled()

    finishFlush()
    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1))
    // The quit that follows the flush goes through.
    const last = quitEvent()
    onBeforeQuit(last)
    expect(last.preventDefault).not.toHaveBeenCalled()
  })

  it('still quits when the flush fails', async () => {
    const quit = vi.fn()
    createQuitGuard(() => Promise.reject(new Error('disk full')), quit)(quitEvent())
    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1))
  })

  it('quits after the timeout when the flush hangs', async () => {
    vi.useFakeTimers()
    try {
      const quit = vi.fn()
      createQuitGuard(() => new Promise<void>(() => {}), quit, 500)(quitEvent())
      await vi.advanceTimersByTimeAsync(499)
      expect(quit).not.toHaveBeenCalled()
      await vi.advanceTimersByTimeAsync(1)
      expect(quit).toHaveBeenCalledTimes(1)
    } finally {
      vi.useRealTimers()
    }
  })
})
