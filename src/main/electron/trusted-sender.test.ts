import { describe, expect, it } from 'vitest'
import { isTrustedSender } from './trusted-sender'

const top = (url: string) => ({ url, isMainFrame: true })

describe('isTrustedSender', () => {
  it('trusts the top frame of our renderer on app://corroborate', () => {
    expect(isTrustedSender(top('app://corroborate/index.html'))).toBe(true)
    expect(isTrustedSender(top('app://corroborate/index.html#/claims'))).toBe(true)
    expect(isTrustedSender(top('app://corroborate/'))).toBe(true)
  })

  it('refuses a subframe even on our origin, and a missing frame', () => {
    expect(isTrustedSender({ url: 'app://corroborate/index.html', isMainFrame: false })).toBe(false)
    expect(isTrustedSender(null)).toBe(false)
  })

  it.each([
    'file:///opt/corroborate/resources/app.asar/out/renderer/index.html',
    'file:///etc/passwd',
    'app://evil/index.html',
    'app://corroborate.evil/index.html',
    'app://evil.corroborate/index.html',
    'app://corroborate:8080/index.html',
    'app://user@corroborate/index.html',
    'app://corroborate@evil/index.html',
    'http://localhost:5173/',
    'https://corroborate/index.html',
    'about:blank',
    'about:srcdoc',
    'data:text/html,<script>alert(1)</script>',
    'blob:app://corroborate/1234',
    'javascript:alert(1)',
    'devtools://devtools/bundled/inspector.html',
    'chrome-extension://abc/index.html',
    '',
    'app:corroborate/index.html',
  ])('refuses %s', (url) => {
    expect(isTrustedSender(top(url))).toBe(false)
  })

  describe('in development, against the dev server', () => {
    const dev = 'http://localhost:5173'

    it('trusts the dev server origin only', () => {
      expect(isTrustedSender(top('http://localhost:5173/'), dev)).toBe(true)
      expect(isTrustedSender(top('http://localhost:5173/index.html?x=1'), dev)).toBe(true)
    })

    it.each([
      'http://localhost:5174/',
      'http://localhost.evil:5173/',
      'http://localhost:5173.evil/',
      'https://localhost:5173/',
      'http://127.0.0.1:5173/',
      'http://user@localhost:5173/',
      // The dev build loads the dev server, never the packaged origin.
      'app://corroborate/index.html',
    ])('refuses %s', (url) => {
      expect(isTrustedSender(top(url), dev)).toBe(false)
    })

    it('refuses everything when the dev server URL is not http(s)', () => {
      expect(isTrustedSender(top('file:///x/index.html'), 'file:///x/')).toBe(false)
    })
  })
})
