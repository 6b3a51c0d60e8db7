/**
 * The same smoke flow in the real Electron app (built main, preload and renderer), run wherever an
 * Electron binary exists; elsewhere reported as skipped with the reason.
 */
import { expect, test } from '@playwright/test'
import { launchApp } from './launch-app'

test('the app opens on the sample notebook and annotates a seed', async () => {
  const { page, close } = await launchApp()
  try {
    const library = page.getByRole('navigation', { name: 'Library' })
    await expect(library.locator('.source-item')).toHaveCount(5)
    await expect(page.locator('.notebook-name')).toContainText('Sample: North Korean troops in Russia')
    // The renderer is sandboxed: no Node, only the contract's functions.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')
    expect(await page.evaluate(() => Object.keys(window.corroborate).includes('notebook:snapshot'))).toBe(
      true,
    )
    await library.locator('.source-item', { hasText: 'Kim Jong-Un' }).click()
    await expect(page.locator('mark.hl-claim').first()).toBeVisible()
  } finally {
    await close()
  }
})
