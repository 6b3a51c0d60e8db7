import { describe, expect, it } from 'vitest'
import { mainWindowWebPreferences, printWindowWebPreferences } from './web-preferences'

describe('the main window webPreferences', () => {
  const prefs = mainWindowWebPreferences('/app/out/preload/index.cjs')

  it('isolates the preload and sandboxes the renderer', () => {
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.sandbox).toBe(true)
    expect(prefs.preload).toBe('/app/out/preload/index.cjs')
  })

  it('gives the page, its workers and its subframes no Node', () => {
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.nodeIntegrationInWorker).toBe(false)
    expect(prefs.nodeIntegrationInSubFrames).toBe(false)
  })

  it('keeps same-origin rules and refuses mixed content', () => {
    expect(prefs.webSecurity).toBe(true)
    expect(prefs.allowRunningInsecureContent).toBe(false)
  })

  it('allows no webview tag, no experimental or extra Blink features, no drop-to-navigate', () => {
    expect(prefs.webviewTag).toBe(false)
    expect(prefs.experimentalFeatures).toBe(false)
    expect(prefs.enableBlinkFeatures ?? '').toBe('')
    expect(prefs.navigateOnDragDrop).toBe(false)
  })

  it('turns the spell checker off, which would download dictionaries on Windows and Linux', () => {
    expect(prefs.spellcheck).toBe(false)
  })

  it('sets nothing that would weaken these defaults', () => {
    const risky = ['disableBlinkFeatures', 'additionalArguments', 'partition', 'session'] as const
    for (const key of risky) expect(prefs).not.toHaveProperty(key)
  })
})

describe('the print window webPreferences', () => {
  const prefs = printWindowWebPreferences()

  it('runs no JavaScript and has no preload', () => {
    expect(prefs.javascript).toBe(false)
    expect(prefs).not.toHaveProperty('preload')
  })

  it('is as locked down as the main window', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    })
  })
})
