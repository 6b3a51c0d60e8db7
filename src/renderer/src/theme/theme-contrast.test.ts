/**
 * WCAG AA contrast of both themes, from the custom properties in styles.css: every text colour the
 * app uses against every surface it is drawn on. axe checks the rendered pages in the browser tests;
 * this catches a bad colour without a browser, and names the pair.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const css = readFileSync(join(import.meta.dirname, '..', 'styles.css'), 'utf8')

function properties(selector: string): Map<string, string> {
  const at = css.indexOf(`${selector} {`)
  const body = css.slice(at, css.indexOf('}', at))
  return new Map([...body.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!]))
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

const TEXT_ON: Array<[text: string, surfaces: string[]]> = [
  ['text', ['bg', 'pane', 'claim', 'note']],
  ['muted', ['bg', 'pane']],
  ['accent', ['bg', 'pane']],
  ['danger', ['bg', 'pane']],
  ['supports', ['bg', 'pane']],
  ['on-accent', ['accent']],
]

describe.each([
  ['light', ':root'],
  ['dark', ":root[data-theme='dark']"],
])('the %s theme', (_name, selector) => {
  const light = properties(':root')
  const theme = new Map([...light, ...properties(selector)])
  it.each(TEXT_ON.flatMap(([text, surfaces]) => surfaces.map((s) => [text, s] as const)))(
    '--%s on --%s is at least 4.5:1',
    (text, surface) => {
      expect(contrast(theme.get(text)!, theme.get(surface)!)).toBeGreaterThanOrEqual(4.5)
    },
  )
  it('focus ring and annotation edges stand out from the panes (3:1, non-text contrast)', () => {
    for (const colour of ['focus', 'claim-strong', 'note-strong'])
      expect(contrast(theme.get(colour)!, theme.get('pane')!), colour).toBeGreaterThanOrEqual(3)
  })
})
