/**
 * What the app says when it cannot start, and which failures end it. Everything after `whenReady`
 * (the notebook, the app's state file, the menu, the window) runs inside named steps; a step that
 * throws, or a main window whose page does not load, is fatal: a native error box names the step and
 * the error, then the app quits, instead of a process left running with no window. A renderer that
 * dies later is not fatal: the user may reload it. Pure: app.ts and main-window.ts show the results.
 */

export interface Failure {
  title: string
  message: string
}

/** Chromium's net error for a navigation superseded by another (a reload, a second loadURL): not a failure. */
const ERR_ABORTED = -3

const START_TITLE = 'Corroborate could not start'
const NOTEBOOK_STEP = 'opening the notebook'
const QUITTING = 'Corroborate will now quit.'

/** An error thrown by a startup step, labelled with what the app was doing. */
export class StartupStepError extends Error {
  constructor(
    readonly step: string,
    cause: unknown,
  ) {
    super(`Failed while ${step}: ${errorText(cause)}`, { cause })
    this.name = 'StartupStepError'
  }
}

/** Runs one startup step; an error comes out labelled with the step (`what` reads "… while <step>"). */
export async function startupStep<T>(step: string, task: () => T | Promise<T>): Promise<T> {
  try {
    return await task()
  } catch (error) {
    throw new StartupStepError(step, error)
  }
}

export const STEPS = {
  notebook: NOTEBOOK_STEP,
  state: 'reading the app’s saved state (state.json)',
  ipc: 'connecting the window to the notebook',
  menu: 'building the menu',
  window: 'opening the main window',
} as const

/** The error box for a startup that failed (any error out of the start-up, labelled or not). */
export function startupFailure(error: unknown): Failure {
  if (error instanceof StartupStepError) {
    const title = error.step === NOTEBOOK_STEP ? 'Corroborate cannot open its notebook' : START_TITLE
    return { title, message: `It failed while ${error.step}:\n\n${errorText(error.cause)}\n\n${QUITTING}` }
  }
  return { title: START_TITLE, message: `${errorText(error)}\n\n${QUITTING}` }
}

export interface LoadFailureEvent {
  errorCode: number
  errorDescription: string
  validatedURL: string
  isMainFrame: boolean
}

/** A `did-fail-load` of the main window: fatal for its top frame, unless the load was merely superseded. */
export function windowLoadFailure(event: LoadFailureEvent): Failure | null {
  if (!event.isMainFrame || event.errorCode === ERR_ABORTED) return null
  const reason = `${event.errorDescription || 'unknown error'} (error ${event.errorCode})`
  return pageNotLoaded(event.validatedURL, reason)
}

/** A rejected `loadURL`: Electron rejects with an error carrying Chromium's `errno` and `code`. */
export function loadRejectionFailure(error: unknown, url: string): Failure | null {
  const { errno, code } = (error ?? {}) as { errno?: unknown; code?: unknown }
  if (errno === ERR_ABORTED || code === 'ERR_ABORTED') return null
  return pageNotLoaded(url, errorText(error))
}

function pageNotLoaded(url: string, reason: string): Failure {
  const hint = /^https?:/i.test(url) ? '\n\nIs the development server running (npm run dev)?' : ''
  return {
    title: 'Corroborate could not show its window',
    message: `The window’s page (${url}) did not load: ${reason}.${hint}\n\n${QUITTING}`,
  }
}

/** Electron's `render-process-gone` reasons, in words. */
const GONE_REASONS: Record<string, string> = {
  'abnormal-exit': 'stopped unexpectedly',
  killed: 'was stopped by the system or another program',
  crashed: 'crashed',
  oom: 'ran out of memory',
  'launch-failed': 'could not start',
  'integrity-failure': 'failed Windows’ code integrity checks',
  'memory-eviction': 'was closed by the system to free memory',
}

/**
 * The window's renderer process is gone: offer to reload it or quit (app.ts's dialog). A clean exit
 * (the window closing) is no failure. The notebook lives in main, so nothing saved is lost.
 */
export function rendererGoneFailure(details: { reason: string; exitCode: number }): Failure | null {
  if (details.reason === 'clean-exit') return null
  const what = GONE_REASONS[details.reason] ?? `stopped (${details.reason})`
  return {
    title: 'The Corroborate window stopped',
    message:
      `The window’s page ${what} (exit code ${details.exitCode}).\n\n` +
      'Your notebook is kept by the app, not the page: every saved change is safe. ' +
      'Reload the window to carry on, or quit.',
  }
}

/** The message of an error of any shape, with its code when the message does not say it already. */
export function errorText(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code
    const message = error.message || error.name
    return typeof code === 'string' && !message.includes(code) ? `${message} (${code})` : message
  }
  return typeof error === 'string' ? error : String(error)
}
