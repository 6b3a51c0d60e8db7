/**
 * axe-core (WCAG 2.0/2.1 A and AA rules) on every view, in the light and the dark theme (the OS
 * preference emulated; the app follows it by default): no serious or critical violation anywhere.
 * The notebook holds real content first (the five seeds, a claim linked from a source, a tag and a
 * brief with the claim) so every view is drawn full, not empty; the empty states are checked too.
 */
import { expect, test } from './support/harness'
import { axeReport } from './support/axe'
import { importSeeds, markClaim } from './support/seeds'
import { linkToClaim } from './support/ui-steps'
import type { Page } from '@playwright/test'

const CLAIM = 'North Korea has about 3,000 troops in Russia'

async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const report = await axeReport(page)
  expect(report.passed, `axe checked rules in ${where}`).toBeGreaterThan(10)
  if (report.lesser.length)
    console.log(`[axe] ${where}: ${report.lesser.length} minor/moderate`, report.lesser)
  expect(report.serious, `serious or critical axe violations in ${where}`).toEqual([])
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every view passes axe in the ${colorScheme} theme`, async ({ app }) => {
    test.setTimeout(240_000)
    const { page } = app
    await page.emulateMedia({ colorScheme })
    await app.open()
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme)

    // Empty states first: a new notebook, and a search that finds nothing.
    await expect(page.getByText('No sources yet.')).toBeVisible()
    await expectNoSeriousViolations(page, 'the empty library')
    for (const tab of ['Claims', 'Matrix', 'Brief', 'Codebook', 'Conflicts'] as const) {
      await page.getByRole('tab', { name: tab }).click()
      await expectNoSeriousViolations(page, `the empty ${tab} view`)
    }
    await page.getByRole('tab', { name: 'Read' }).click()

    await importSeeds(app)
    const card = await markClaim(page, 2, 'at least 3,000 soldiers')
    await card.getByLabel('Add tag').fill('troop numbers')
    await card.getByLabel('Add tag').press('Enter')
    await linkToClaim(card, CLAIM, { isNew: true, attributedTo: 'John Kirby, White House' })
    await markClaim(page, 0, '12,000 troops')
    await expect(page.locator('mark.hl-claim').first()).toBeVisible()
    await expectNoSeriousViolations(page, 'the library, reader and annotations')

    await page.getByRole('combobox', { name: 'Search the notebook' }).fill('zzzqqq')
    await expect(page.getByText('No matches for “zzzqqq”')).toBeVisible()
    await expectNoSeriousViolations(page, 'search with no results')
    await page.getByRole('combobox', { name: 'Search the notebook' }).fill('troops')
    await expect(
      page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first(),
    ).toBeVisible()
    await expectNoSeriousViolations(page, 'search results')
    await page.keyboard.press('Escape')

    await page.getByRole('tab', { name: /Claims/ }).click()
    await expect(page.getByRole('region', { name: 'Claim' }).getByLabel('Statement')).toHaveValue(CLAIM)
    await expectNoSeriousViolations(page, 'the claims view')

    await page.getByRole('tab', { name: 'Matrix' }).click()
    await expect(page.getByRole('table')).toBeVisible()
    await expectNoSeriousViolations(page, 'the matrix view')

    await page.getByRole('tab', { name: 'Brief' }).click()
    await page.getByRole('button', { name: 'New brief' }).click()
    const editor = page.getByRole('region', { name: 'Brief editor' })
    await editor.getByRole('button', { name: 'Add section' }).click()
    await editor.getByLabel('Add a claim').first().selectOption({ label: CLAIM })
    await expect(editor.getByRole('article', { name: 'Preview' })).toContainText(CLAIM)
    await expectNoSeriousViolations(page, 'the brief view')

    await page.getByRole('tab', { name: 'Codebook' }).click()
    await expect(page.getByLabel('Name of troop numbers')).toBeVisible()
    await expectNoSeriousViolations(page, 'the codebook view')

    await page.getByRole('tab', { name: 'Conflicts' }).click()
    await expect(page.getByRole('region', { name: 'Conflicts' }).locator('.finding').first()).toBeVisible({
      timeout: 30_000,
    })
    await expectNoSeriousViolations(page, 'the conflicts view')

    await page.getByRole('tab', { name: 'Read' }).click()
    await page.getByRole('button', { name: 'Paste text…' }).click()
    await expect(page.getByRole('dialog', { name: 'Paste text as a new source' })).toBeVisible()
    await expectNoSeriousViolations(page, 'the paste dialog')
    await page.keyboard.press('Escape')
  })
}
