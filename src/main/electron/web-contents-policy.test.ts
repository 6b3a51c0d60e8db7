import { describe, expect, it, vi } from 'vitest'
import {
  denyDevicePermission,
  denyPermissionCheck,
  denyPermissionRequest,
  denyWindowOpen,
  isNavigationAllowed,
  isWebviewAllowed,
} from './web-contents-policy'

const HOSTILE_URLS = [
  'https://example.com/',
  'http://localhost:5173/',
  'file:///etc/passwd',
  'app://corroborate/index.html',
  'app://evil/',
  'javascript:alert(1)',
  'data:text/html,<h1>x</h1>',
  'about:blank',
]

describe('the web contents policy', () => {
  it.each(HOSTILE_URLS)('denies window.open and target=_blank to %s', (url) => {
    expect(denyWindowOpen({ url })).toEqual({ action: 'deny' })
  })

  it.each(HOSTILE_URLS)('blocks navigation to %s (even our own origin: the page never moves)', (url) => {
    expect(isNavigationAllowed(url)).toBe(false)
  })

  it('refuses webviews', () => {
    expect(isWebviewAllowed()).toBe(false)
  })

  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'display-capture',
    'fullscreen',
    'openExternal',
    'pointerLock',
    'midiSysex',
    'fileSystem',
  ])('denies the permission request %s', (permission) => {
    const callback = vi.fn()
    denyPermissionRequest(null, permission, callback)
    expect(callback).toHaveBeenCalledExactlyOnceWith(false)
  })

  it('denies permission checks and devices', () => {
    expect(denyPermissionCheck()).toBe(false)
    expect(denyDevicePermission()).toBe(false)
  })
})
