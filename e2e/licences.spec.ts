/**
 * Help > Licences…: the native menu's command opens a dialog listing, from the licence report the
 * build wrote into the renderer's folder, citeproc-js's CPAL source offer (where its source is in the
 * app, and upstream), the credit the CSL styles ask for, and every package that ships with its own
 * licence text. citeproc-js's source is really there beside it. No serious axe violation.
 */
import { axeReport } from './support/axe'
import { expect, test } from './support/harness'

test('Help > Licences… shows citeproc-js’s source offer, the CSL credit and each package’s licence', async ({
  app,
}) => {
  // axe over a dialog of some 170 entries: minutes allowed, for a busy machine.
  test.setTimeout(5 * 60_000)
  const { page } = app
  await app.open()
  // What main sends when Help > Licences… is chosen.
  await page.evaluate(() =>
    (window as unknown as { __corroborateEvent(e: unknown): void }).__corroborateEvent({
      type: 'menu',
      command: 'licences',
    }),
  )
  const dialog = page.getByRole('dialog', { name: 'Licences' })
  await expect(dialog).toBeVisible()

  const offer = dialog.getByRole('region', { name: 'Source code of citeproc-js' })
  await expect(offer).toContainText('Common Public Attribution License 1.0')
  await expect(offer).toContainText('licences/citeproc/citeproc_commonjs.js')
  await expect(offer).toContainText('https://github.com/juris-m/citeproc-js')

  const styles = dialog.getByRole('region', { name: 'Citation styles' })
  await expect(styles).toContainText('CitationStyles.org')
  await expect(styles).toContainText('Chicago Manual of Style 18th edition (full note)')
  await expect(styles).toContainText('Creative Commons Attribution-ShareAlike 3.0')

  // citeproc's own entry, opened by keyboard: its declared licence and its LICENSE, as text.
  const citeproc = dialog.locator('summary').filter({ hasText: /^citeproc \d/ })
  await expect(citeproc).toContainText('CPAL-1.0 OR AGPL-1.0')
  await citeproc.focus()
  await page.keyboard.press('Enter')
  await expect(dialog.getByRole('region', { name: 'citeproc: LICENSE' })).toContainText(
    'Common Public Attribution License',
  )
  await expect(dialog.locator('summary').filter({ hasText: /^react \d/ })).toContainText('MIT')

  // The source the notice points to is served beside the list.
  const source = await page.evaluate(async () => {
    const response = await fetch('licences/citeproc/citeproc_commonjs.js')
    return { status: response.status, text: (await response.text()).slice(0, 5000) }
  })
  expect(source.status).toBe(200)
  expect(source.text).toContain('CSL')

  const report = await axeReport(page)
  if (report.lesser.length) console.log('[axe] licences: minor/moderate', report.lesser)
  expect(report.serious, 'serious or critical axe violations in the Licences dialog').toEqual([])
  expect(report.passed).toBeGreaterThan(0)

  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
})
