/**
 * Keyboard-only steps: every one presses keys through page.keyboard and only *reads* the page (which
 * element has focus, where the caret is) to decide the next key, as a person looking at the screen would.
 */
import { expect, type Page } from '@playwright/test'

/** The focused element's accessible-ish name: aria-label, else its text, else its placeholder. */
export function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return ''
    const labelledBy = el.getAttribute('aria-labelledby')
    const label =
      el.getAttribute('aria-label') ??
      (labelledBy ? document.getElementById(labelledBy)?.textContent : null) ??
      (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement
        ? el.labels?.[0]?.textContent
        : null) ??
      el.textContent ??
      ''
    return label.trim()
  })
}

/** Presses `key` (Tab by default) until the focused element matches `selector` and `name`. */
export async function pressUntilFocused(
  page: Page,
  target: { selector?: string; name?: string | RegExp },
  key = 'Tab',
  limit = 120,
): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key)
    const matches = await page.evaluate(
      (selector) => !!document.activeElement?.matches(selector),
      target.selector ?? '*',
    )
    const name = await focusedName(page)
    const named =
      target.name === undefined ||
      (typeof target.name === 'string' ? name === target.name : target.name.test(name))
    if (matches && named) return
  }
  throw new Error(`${key} never reached ${JSON.stringify(target)}; focus is on "${await focusedName(page)}"`)
}

/** The caret's offset in the source text (the reader's runs carry `data-start`), or null. */
export function caretOffset(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const selection = document.getSelection()
    const node = selection?.focusNode
    const run = node?.parentElement?.closest('[data-start]')
    if (!node || node.nodeType !== Node.TEXT_NODE || !run) return null
    return Number(run.getAttribute('data-start')) + selection!.focusOffset
  })
}

/** Walks the reader's caret to `offset` with ↓ (a line at a time) and ←/→ (a character). */
export async function moveCaretTo(page: Page, offset: number): Promise<void> {
  for (let step = 0; step < 2000; step++) {
    const at = await caretOffset(page)
    if (at === offset) return
    if (at === null) throw new Error('no caret in the reader')
    await page.keyboard.press(offset - at > 150 ? 'ArrowDown' : offset > at ? 'ArrowRight' : 'ArrowLeft')
  }
  throw new Error(`the caret never reached ${offset}`)
}

/** The focused element draws a visible focus indicator (an outline of 2px or more). */
export async function expectVisibleFocus(page: Page): Promise<void> {
  const outline = await page.evaluate(() => {
    const el = document.activeElement!
    const style = getComputedStyle(el)
    return { visible: el.matches(':focus-visible'), style: style.outlineStyle, width: style.outlineWidth }
  })
  expect(outline.visible, 'focus-visible').toBe(true)
  expect(outline.style).not.toBe('none')
  expect(parseFloat(outline.width)).toBeGreaterThanOrEqual(2)
}
