import { describe, expect, it } from 'vitest'
import { externalLinkPrompt, isSafeExternalUrl } from './external-url'

describe('isSafeExternalUrl', () => {
  it.each([
    'https://www.reuters.com/world/asia-pacific/some-story-2024-10-18/',
    'https://example.com',
    'https://example.com:8443/path?q=1#frag',
    'https://xn--80ak6aa92e.com/',
    'mailto:analyst@example.org',
    'mailto:analyst@example.org?subject=Brief',
  ])('allows %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true)
  })

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'file:///etc/passwd',
    'file://server/share/x.exe',
    'http://example.com/',
    'data:text/html,<script>alert(1)</script>',
    'smb://server/share',
    'ftp://example.com/',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=x',
    'vbscript:msgbox(1)',
    'app://corroborate/index.html',
    'https://user:pass@example.com/',
    'https://bank.example@evil.example/',
    'https://:pass@example.com/',
    'https:///nohost',
    'https:\\\\example.com/',
    'https:example.com',
    'mailto:',
    'mailto:no-at-sign',
    ' https://example.com/',
    'https://exa mple.com/',
    'https://example.com/\nfile:///etc/passwd',
    'https://example.com/\u0000',
    '',
    'not a url',
    `https://example.com/${'a'.repeat(5000)}`,
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false)
  })
})

describe('externalLinkPrompt', () => {
  it('shows the full address and defaults to Cancel', () => {
    const prompt = externalLinkPrompt('https://example.com/a?b=c')
    expect(prompt.detail).toBe('https://example.com/a?b=c')
    expect(prompt.buttons[prompt.defaultId]).toBe('Cancel')
    expect(prompt.cancelId).toBe(prompt.defaultId)
  })
})
