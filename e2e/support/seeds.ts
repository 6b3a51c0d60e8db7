import { join } from 'node:path'
import { expect, type Page } from '@playwright/test'
import type { Harness } from './harness'
import { SAMPLE_FILES } from '../../src/main/core/sample-notebook'
import { selectInReader } from './select-text'

export const SAMPLE_DIR = join(import.meta.dirname, '..', '..', 'resources', 'sample')
export { SAMPLE_FILES as SEEDS } from '../../src/main/core/sample-notebook'
/** Each seed's title as the app derives it, to find it in the library. */
export const SEED_TITLES = [
  'US says North Korean troops are now in Russia',
  'U.S. Defense Secretary Lloyd Austin confirmed Monday',
  'North Korean Dictator Kim Jong-Un has sent troops to Russia',
  'U.S. “seeing evidence” of North Korean troops',
  'Thousands of North Korean Troops Reportedly Deployed',
]

export async function importSeeds(app: Harness): Promise<void> {
  app.dialogs.filesToImport = SAMPLE_FILES.map((name) => join(SAMPLE_DIR, name))
  await app.page.getByRole('button', { name: 'Import files…' }).click()
  await app.page.getByRole('region', { name: 'Imports' }).getByText('5 of 5 imported').waitFor()
  await app.page.getByRole('region', { name: 'Imports' }).getByRole('button', { name: 'Close' }).click()
}

/** Opens seed `index` in the reader, selects `phrase` and makes it a claim annotation; returns its card. */
export async function markClaim(page: Page, index: number, phrase: string) {
  await page
    .getByRole('navigation', { name: 'Library' })
    .locator('.source-item', { hasText: SEED_TITLES[index]! })
    .click()
  // Wait for this source's text: the reader shows the previous one until the new one has loaded.
  await expect(page.locator('.reader-title')).toContainText(SEED_TITLES[index]!)
  await expect(page.locator('.reader-text')).toContainText(phrase)
  await selectInReader(page, phrase)
  await page.keyboard.press('c')
  const card = page.locator('.annotation-card', { hasText: `“${phrase}”` })
  await card.waitFor()
  return card
}
