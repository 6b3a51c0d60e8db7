/**
 * Themes: the app follows the OS (prefers-color-scheme) until the user picks Light or Dark from the
 * toolbar (by keyboard here); the pick survives a reload (localStorage); System follows the OS again,
 * live. The two themes really differ in colour, and the pane text keeps AA contrast in both.
 */
import { expect, test } from './support/harness'
import { pressUntilFocused } from './support/keyboard'
import type { Page } from '@playwright/test'

const themeOf = (page: Page) => page.locator('html').getAttribute('data-theme')
const paneColours = (page: Page) =>
  page.evaluate(() => {
    const style = getComputedStyle(document.querySelector('.pane')!)
    return { color: style.color, background: style.backgroundColor }
  })

test('System follows the OS; Light and Dark are chosen by keyboard and persist', async ({ app }) => {
  const { page } = app
  await page.emulateMedia({ colorScheme: 'light' })
  await app.open()
  expect(await themeOf(page)).toBe('light')
  const light = await paneColours(page)

  await page.emulateMedia({ colorScheme: 'dark' })
  await expect.poll(() => themeOf(page)).toBe('dark')
  const dark = await paneColours(page)
  expect(dark.background).not.toBe(light.background)
  expect(dark.color).not.toBe(light.color)

  // Pick Light against a dark OS, from the keyboard: Tab to the theme select, then ↓ / ↑.
  const picker = page.getByRole('combobox', { name: 'Theme' })
  await pressUntilFocused(page, { selector: 'select' })
  await expect(picker).toBeFocused()
  await page.keyboard.press('ArrowDown') // System → Light
  await expect(picker).toHaveValue('light')
  await expect.poll(() => themeOf(page)).toBe('light')
  expect(await page.evaluate(() => localStorage.getItem('corroborate.theme'))).toBe('light')

  await page.reload()
  await expect(page.getByRole('toolbar', { name: 'Notebook' })).toBeVisible()
  expect(await themeOf(page)).toBe('light')
  await expect(picker).toHaveValue('light')

  await picker.focus()
  await page.keyboard.press('ArrowDown') // Light → Dark
  await expect.poll(() => themeOf(page)).toBe('dark')
  await page.emulateMedia({ colorScheme: 'light' })
  expect(await themeOf(page)).toBe('dark') // an explicit choice ignores the OS

  await page.keyboard.press('Home') // → System
  await expect(picker).toHaveValue('system')
  await expect.poll(() => themeOf(page)).toBe('light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect.poll(() => themeOf(page)).toBe('dark')
})
