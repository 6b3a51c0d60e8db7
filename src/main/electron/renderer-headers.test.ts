import { describe, expect, it } from 'vitest'
import { RENDERER_CSP } from '../../shared/csp'
import { refusalHeaders, rendererResponseHeaders } from './renderer-headers'

describe('rendererResponseHeaders', () => {
  const headers = rendererResponseHeaders('text/html; charset=utf-8')

  it('sends the renderer CSP as a real header', () => {
    expect(headers['Content-Security-Policy']).toBe(RENDERER_CSP)
  })

  it('keeps the CSP strict: own script and styles only, nothing inline, no plugins, no forms', () => {
    const directives = new Map(
      RENDERER_CSP.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/)
        return [name, values]
      }),
    )
    expect(directives.get('default-src')).toEqual(["'none'"])
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(directives.get('object-src')).toEqual(["'none'"])
    expect(directives.get('base-uri')).toEqual(["'none'"])
    expect(directives.get('form-action')).toEqual(["'none'"])
    expect(RENDERER_CSP).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/)
  })

  it('carries the file type and forbids sniffing another', () => {
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8')
    expect(headers['X-Content-Type-Options']).toBe('nosniff')
    expect(rendererResponseHeaders('font/woff2')['Content-Type']).toBe('font/woff2')
  })

  it('isolates the page and leaks no referrer', () => {
    expect(headers['Cross-Origin-Opener-Policy']).toBe('same-origin')
    expect(headers['Cross-Origin-Resource-Policy']).toBe('same-origin')
    expect(headers['Referrer-Policy']).toBe('no-referrer')
  })

  it('sends refusals as plain text under the same CSP', () => {
    expect(refusalHeaders()).toMatchObject({
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': RENDERER_CSP,
    })
  })
})
