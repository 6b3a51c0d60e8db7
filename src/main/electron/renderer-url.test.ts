import { describe, expect, it } from 'vitest'
import { RENDERER_ENTRY_URL } from './app-origin'
import { rendererUrl } from './renderer-url'
import { isTrustedSender } from './trusted-sender'

const top = (url: string) => ({ url, isMainFrame: true })
const ours = { url: RENDERER_ENTRY_URL, devServerUrl: null }

describe('rendererUrl', () => {
  it('loads our own bundle when no dev server is named', () => {
    expect(rendererUrl({ isPackaged: true, env: {} })).toEqual(ours)
    expect(rendererUrl({ isPackaged: false, env: {} })).toEqual(ours)
    expect(rendererUrl({ isPackaged: false, env: { ELECTRON_RENDERER_URL: '' } })).toEqual(ours)
  })

  it('loads and trusts the dev server in an unpackaged run (npm run dev)', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' }
    expect(rendererUrl({ isPackaged: false, env })).toEqual({
      url: 'http://localhost:5173',
      devServerUrl: 'http://localhost:5173',
    })
  })

  it('ignores ELECTRON_RENDERER_URL in a packaged app, so it neither loads nor trusts that page', () => {
    const env = { ELECTRON_RENDERER_URL: 'https://evil.example/' }
    const source = rendererUrl({ isPackaged: true, env })
    expect(source).toEqual(ours)
    // What ipc.ts does with it: the named page gets no IPC, our own page does.
    expect(isTrustedSender(top('https://evil.example/'), source.devServerUrl)).toBe(false)
    expect(isTrustedSender(top('app://corroborate/index.html'), source.devServerUrl)).toBe(true)
  })

  it.each(['file:///tmp/evil/index.html', 'javascript:alert(1)', 'not a url', 'app://evil/'])(
    'refuses a dev server that is not http(s): %s',
    (url) => {
      expect(rendererUrl({ isPackaged: false, env: { ELECTRON_RENDERER_URL: url } })).toEqual(ours)
    },
  )
})
