import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  loadRejectionFailure,
  rendererGoneFailure,
  startupFailure,
  startupStep,
  STEPS,
  windowLoadFailure,
} from './startup-failure'

describe('startupFailure', () => {
  it('names the step that failed and the error, and says the app quits', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'corroborate-startup-'))
    try {
      // A real error from a real step: the state file cannot be read.
      const error = await startupStep(STEPS.state, () => readFile(join(dir, 'missing', 'state.json'))).catch(
        (e: unknown) => e,
      )
      const failure = startupFailure(error)
      expect(failure.title).toBe('Corroborate could not start')
      expect(failure.message).toContain('It failed while reading the app’s saved state (state.json)')
      expect(failure.message).toContain('ENOENT')
      expect(failure.message).toContain(join(dir, 'missing', 'state.json'))
      expect(failure.message).toMatch(/will now quit/)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('says the notebook could not be opened when that is the step that failed', async () => {
    const error = await startupStep(STEPS.notebook, () => {
      throw new Error('notebook.json is damaged')
    }).catch((e: unknown) => e)
    expect(startupFailure(error)).toEqual({
      title: 'Corroborate cannot open its notebook',
      message: expect.stringContaining('notebook.json is damaged'),
    })
  })

  it('reports an error from outside any step, of any shape', () => {
    expect(startupFailure(new TypeError('x is not a function')).message).toContain('x is not a function')
    expect(startupFailure('thrown string').message).toContain('thrown string')
    expect(startupFailure(undefined).title).toBe('Corroborate could not start')
  })

  it('passes a step’s result through when it succeeds', async () => {
    await expect(startupStep(STEPS.menu, () => 42)).resolves.toBe(42)
    await expect(startupStep(STEPS.window, async () => 'ok')).resolves.toBe('ok')
  })
})

describe('windowLoadFailure (did-fail-load)', () => {
  const failed = {
    errorCode: -6,
    errorDescription: 'ERR_FILE_NOT_FOUND',
    validatedURL: 'app://corroborate/index.html',
    isMainFrame: true,
  }

  it('is fatal for the main frame, naming the page and the error', () => {
    const failure = windowLoadFailure(failed)
    expect(failure?.title).toBe('Corroborate could not show its window')
    expect(failure?.message).toContain('app://corroborate/index.html')
    expect(failure?.message).toContain('ERR_FILE_NOT_FOUND (error -6)')
    expect(failure?.message).not.toContain('development server')
  })

  it('points at the dev server when that is what failed to load', () => {
    const failure = windowLoadFailure({
      ...failed,
      errorCode: -102,
      errorDescription: 'ERR_CONNECTION_REFUSED',
      validatedURL: 'http://localhost:5173/',
    })
    expect(failure?.message).toContain('Is the development server running')
  })

  it('ignores a superseded load (ERR_ABORTED) and subframes', () => {
    expect(windowLoadFailure({ ...failed, errorCode: -3, errorDescription: 'ERR_ABORTED' })).toBeNull()
    expect(windowLoadFailure({ ...failed, isMainFrame: false })).toBeNull()
  })
})

describe('loadRejectionFailure (loadURL rejected)', () => {
  it('is fatal, naming the error Electron rejected with', () => {
    const error = Object.assign(new Error("ERR_FILE_NOT_FOUND (-6) loading 'app://corroborate/index.html'"), {
      errno: -6,
      code: 'ERR_FILE_NOT_FOUND',
    })
    expect(loadRejectionFailure(error, 'app://corroborate/index.html')?.message).toContain(
      'ERR_FILE_NOT_FOUND (-6) loading',
    )
  })

  it('ignores a superseded load', () => {
    const aborted = Object.assign(new Error('ERR_ABORTED (-3)'), { errno: -3, code: 'ERR_ABORTED' })
    expect(loadRejectionFailure(aborted, 'app://corroborate/index.html')).toBeNull()
  })
})

describe('rendererGoneFailure (render-process-gone)', () => {
  it.each([
    ['crashed', 'crashed'],
    ['oom', 'ran out of memory'],
    ['killed', 'was stopped by the system'],
    ['launch-failed', 'could not start'],
  ])('names a %s renderer and offers to reload', (reason, words) => {
    const failure = rendererGoneFailure({ reason, exitCode: 139 })
    expect(failure?.message).toContain(words)
    expect(failure?.message).toContain('exit code 139')
    expect(failure?.message).toMatch(/Reload/)
  })

  it('is silent for a clean exit, and still names a reason it does not know', () => {
    expect(rendererGoneFailure({ reason: 'clean-exit', exitCode: 0 })).toBeNull()
    expect(rendererGoneFailure({ reason: 'something-new', exitCode: 1 })?.message).toContain('something-new')
  })
})
