/**
 * The walking skeleton, end to end: import the five seed reports, mark a claim, see it survive a
 * reload (read back from notebook.json on disk), and export a Markdown brief that quotes it exactly.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './support/harness'
import { savedNotebook } from './support/saved-notebook'
import { SAMPLE_DIR, SEEDS } from './support/seeds'
import { selectInReader } from './support/select-text'

const SEED_002_TITLE =
  'North Korean Dictator Kim Jong-Un has sent troops to Russia, the Pentagon confirmed Wednesday.'
const QUOTE = 'at least 3,000 soldiers'

const readNotebook = savedNotebook

test('import seeds, mark a claim, reload, export a sourced Markdown brief', async ({ app }, testInfo) => {
  const { page } = app
  await app.open()
  await expect(page.getByText('No sources yet.')).toBeVisible()

  app.dialogs.filesToImport = SEEDS.map((name) => join(SAMPLE_DIR, name))
  await page.getByRole('button', { name: 'Import files…' }).click()
  await expect(page.getByRole('region', { name: 'Imports' })).toContainText('5 of 5 imported')
  const library = page.getByRole('navigation', { name: 'Library' })
  await expect(library.locator('.source-item')).toHaveCount(5)
  await expect(library.getByText('US says North Korean troops are now in Russia')).toBeVisible()

  await library.locator('.source-item', { hasText: SEED_002_TITLE }).click()
  await expect(page.getByRole('heading', { level: 1, name: SEED_002_TITLE })).toBeVisible()
  await selectInReader(page, QUOTE)
  await expect(page.getByText(`${QUOTE.length} characters selected`)).toBeVisible()
  await page.getByRole('button', { name: /^Claim/ }).click()

  const card = page.locator('.annotation-card', { hasText: `“${QUOTE}”` })
  await expect(card).toBeVisible()
  await expect(page.locator('mark.hl-claim', { hasText: QUOTE })).toBeVisible()
  await card.getByLabel('Comment').fill('The White House puts the deployment at about 3,000 soldiers.')
  await card.getByLabel('Add tag').fill('troop numbers')
  await card.getByLabel('Add tag').press('Enter')
  await expect(card.getByRole('list', { name: 'Tags' })).toContainText('troop numbers')
  await card.getByLabel('Comment').blur()
  await expect(card.getByText('Saved')).toBeVisible()

  // What the page shows after a reload can only come from the JSON on disk.
  const onDisk = await readNotebook(app.notebookDir)
  const saved = onDisk.annotations.find((a) => a.target.quote.exact === QUOTE)
  expect(saved?.comment).toBe('The White House puts the deployment at about 3,000 soldiers.')
  expect(saved?.kind).toBe('claim')
  expect(onDisk.tags.filter((t) => saved?.tagIds.includes(t.id)).map((t) => t.name)).toEqual([
    'troop numbers',
  ])

  await page.reload()
  await library.locator('.source-item', { hasText: SEED_002_TITLE }).click()
  const reloaded = page.locator('.annotation-card', { hasText: `“${QUOTE}”` })
  await expect(reloaded.getByLabel('Comment')).toHaveValue(
    'The White House puts the deployment at about 3,000 soldiers.',
  )
  await expect(reloaded.getByRole('list', { name: 'Tags' })).toContainText('troop numbers')
  await reloaded.getByRole('button', { name: `“${QUOTE}”` }).click()
  await expect(page.locator('mark.hl-selected', { hasText: QUOTE })).toBeVisible()
  await page.screenshot({ path: join(import.meta.dirname, '..', 'docs', 'screenshot.png') })

  const exportPath = testInfo.outputPath('brief.md')
  app.dialogs.exportPath = exportPath
  await page.getByRole('button', { name: 'Markdown' }).click()
  await expect(page.getByText(`Brief saved to ${exportPath}`)).toBeVisible()
  const brief = await readFile(exportPath, 'utf8')
  const footnote = brief.split('\n').find((line) => line.startsWith('[^1]:'))
  expect(footnote).toContain(SEED_002_TITLE)
  expect(footnote).toContain(`“${QUOTE}”`)
  expect(brief).toContain('The White House puts the deployment at about 3,000 soldiers.')
})
