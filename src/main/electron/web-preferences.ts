/**
 * The renderer window's webPreferences, as data so each flag is tested (web-preferences.test.ts).
 * The page runs imported articles' text: it gets no Node, an isolated preload, Chromium's sandbox,
 * and same-origin rules on; nothing may be embedded or run that we did not bundle.
 */
import type { WebPreferences } from 'electron'

/** What every window of the app gets: isolated, sandboxed, no Node anywhere, same-origin rules on. */
const LOCKED_DOWN: WebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  // Off: on Windows and Linux Chromium's spell checker downloads dictionaries from Google the first
  // time a language is used, a request the analyst never asked for (the app works offline).
  spellcheck: false,
}

export function mainWindowWebPreferences(preloadPath: string): WebPreferences {
  return {
    ...LOCKED_DOWN,
    preload: preloadPath,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    safeDialogs: true,
    disableDialogs: false,
    devTools: true,
  }
}

/**
 * The hidden window that prints a brief to PDF: the brief's HTML carries no script and its own CSP;
 * JavaScript is off as well, and it has no preload at all.
 */
export function printWindowWebPreferences(): WebPreferences {
  return { ...LOCKED_DOWN, javascript: false }
}
