/**
 * The same smoke flow in the real Electron app (built main, preload and renderer), run wherever an
 * Electron binary exists; elsewhere reported as skipped with the reason.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { findElectron } from '../support/find-electron'

const found = findElectron()
const ROOT = join(import.meta.dirname, '..', '..')

test('the app opens on the sample notebook and annotates a seed', async () => {
  test.skip('reason' in found, 'reason' in found ? found.reason : '')
  if (!('path' in found)) return
  const userData = await mkdtemp(join(tmpdir(), 'corroborate-electron-'))
  const app = await electron.launch({
    executablePath: found.path,
    args: [join(ROOT, 'out', 'main', 'index.js'), `--user-data-dir=${userData}`, '--no-sandbox'],
    cwd: ROOT,
  })
  try {
    const page = await app.firstWindow()
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
    await app.close()
    await rm(userData, { recursive: true, force: true })
  }
})
