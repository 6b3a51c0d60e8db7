/**
 * security.ts installs the policy on every webContents and session: Electron's `app` and `session`
 * are replaced by stand-ins that record what was installed (the real module needs the binary).
 */
import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'

const fakes = vi.hoisted(() => {
  const makeSession = () => ({
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  })
  return { makeSession, defaultSession: makeSession(), app: null as unknown }
})
vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events')
  const app = Object.assign(new Emitter(), { whenReady: () => Promise.resolve() })
  fakes.app = app
  return { app, session: { defaultSession: fakes.defaultSession } }
})
const { hardenAllWebContents } = await import('./security')

function fakeWebContents() {
  const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() })
  return contents
}

function preventable(url = 'https://example.com/') {
  return { url, preventDefault: vi.fn() }
}

describe('hardenAllWebContents', () => {
  hardenAllWebContents()
  const app = fakes.app as EventEmitter

  it('denies window.open, navigation, redirects and webviews on every new webContents', () => {
    const contents = fakeWebContents()
    app.emit('web-contents-created', {}, contents)
    const openHandler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as (d: { url: string }) => unknown
    expect(openHandler({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      const e = preventable()
      contents.emit(event, e)
      expect(e.preventDefault, event).toHaveBeenCalled()
    }
  })

  it('denies permissions on the default session and on every session created later', async () => {
    await Promise.resolve()
    const later = fakes.makeSession()
    app.emit('session-created', later)
    for (const ses of [fakes.defaultSession, later]) {
      const request = ses.setPermissionRequestHandler.mock.calls[0]?.[0] as (...a: unknown[]) => void
      const callback = vi.fn()
      request(null, 'media', callback)
      expect(callback).toHaveBeenCalledWith(false)
      expect((ses.setPermissionCheckHandler.mock.calls[0]?.[0] as () => boolean)()).toBe(false)
      expect((ses.setDevicePermissionHandler.mock.calls[0]?.[0] as () => boolean)()).toBe(false)
    }
  })
})
