/**
 * Claims across sources, end to end on the seeds: the ~3,000 troops claim linked from four sources
 * with their attributions, a contradicting 12,000 claim from seed 000, both in the matrix, graded,
 * found by search; a link undone and redone.
 */
import { expect, test } from './support/harness'
import { savedNotebook } from './support/saved-notebook'
import { importSeeds, markClaim } from './support/seeds'
import { linkToClaim } from './support/ui-steps'

const THREE = 'North Korea has about 3,000 troops in Russia'
const TWELVE = 'North Korea is deploying 12,000 troops'

const notebook = savedNotebook

test('build, compare, grade, find and undo claims across the seed reports', async ({ app }) => {
  const { page } = app
  await app.open()
  await importSeeds(app)

  await linkToClaim(await markClaim(page, 2, 'at least 3,000 soldiers'), THREE, {
    stance: 'supports',
    attributedTo: 'John Kirby, White House',
    isNew: true,
  })
  await linkToClaim(await markClaim(page, 1, 'around 3,000 North Korean soldiers'), THREE, {
    stance: 'supports',
    attributedTo: "South Korea's spy agency",
  })
  await linkToClaim(await markClaim(page, 3, 'about 3,000 Northern troops'), THREE, {
    stance: 'supports',
    attributedTo: 'South Korean intelligence',
  })
  await linkToClaim(await markClaim(page, 4, 'around 3,000 troops'), THREE, {
    stance: 'supports',
    attributedTo: 'US officials',
  })
  const twelve = await markClaim(page, 0, '12,000 troops')
  await linkToClaim(twelve, TWELVE, {
    stance: 'supports',
    attributedTo: 'South Korean intelligence',
    isNew: true,
  })
  await linkToClaim(twelve, THREE, { stance: 'contradicts', attributedTo: 'South Korean intelligence' })

  // Both claims in the matrix, with the sources' stances and words.
  await page.getByRole('tab', { name: 'Matrix' }).click()
  const matrix = page.getByRole('table')
  await expect(matrix.getByRole('rowheader')).toHaveText([THREE, TWELVE])
  await expect(matrix.locator('td.stance-supports')).toHaveCount(5)
  await expect(matrix.locator('td.stance-contradicts')).toContainText('12,000 troops')

  // Grade: the claim's credibility (suggested from 3 independent origins) and a source's reliability.
  await page.getByRole('tab', { name: /Claims/ }).click()
  await page
    .getByRole('navigation', { name: 'Claims' })
    .getByRole('button', { name: new RegExp(THREE) })
    .click()
  const detail = page.getByRole('region', { name: 'Claim' })
  await expect(detail).toContainText('supported by 4 outlets')
  await detail.getByLabel('Credibility').selectOption('3')
  await detail.getByLabel(/^Reliability of North Korean Dictator/).selectOption('B')
  await page
    .getByRole('navigation', { name: 'Claims' })
    .getByRole('button', { name: new RegExp(TWELVE) })
    .click()
  await detail.getByLabel('Credibility').selectOption('4')
  await expect
    .poll(async () => (await notebook(app.notebookDir)).claims.map((c) => c.credibility))
    .toEqual([3, 4])
  const saved = await notebook(app.notebookDir)
  expect(saved.sources.find((s) => s.title.startsWith('North Korean Dictator'))?.reliability).toBe('B')
  expect(saved.claims[0]!.links.map((l) => l.attributedTo)).toEqual([
    'John Kirby, White House',
    "South Korea's spy agency",
    'South Korean intelligence',
    'US officials',
    'South Korean intelligence',
  ])

  // Search finds the claim and jumps to it.
  await page.getByRole('combobox', { name: 'Search the notebook' }).fill('12,000')
  const results = page.getByRole('listbox', { name: 'Search results' })
  await expect(results.getByRole('option', { name: new RegExp(TWELVE) })).toBeVisible()
  await results.getByRole('option', { name: new RegExp(TWELVE) }).click()
  await expect(page.getByRole('region', { name: 'Claim' }).getByLabel('Statement')).toHaveValue(TWELVE)

  // Undo and redo a link (Ctrl+Z outside text fields walks the edit history).
  await page.getByRole('tab', { name: 'Read' }).click()
  await page.getByRole('navigation', { name: 'Library' }).locator('.source-item').first().click()
  await twelve.getByRole('button', { name: `Unlink from ${THREE}` }).click()
  await expect.poll(async () => (await notebook(app.notebookDir)).claims[0]!.links).toHaveLength(4)
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+z')
  await expect.poll(async () => (await notebook(app.notebookDir)).claims[0]!.links).toHaveLength(5)
  await page.keyboard.press('Control+Shift+z')
  await expect.poll(async () => (await notebook(app.notebookDir)).claims[0]!.links).toHaveLength(4)
})

test('the conflict finder surfaces the troop-count disagreement and makes it a linked claim', async ({
  app,
}) => {
  const { page } = app
  await app.open()
  await importSeeds(app)
  await page.getByRole('tab', { name: 'Conflicts' }).click()
  const view = page.getByRole('region', { name: 'Conflicts' })
  const troops = view.getByRole('listitem', { name: /quantity: troops/ }).first()
  // The finder reads every source: seconds on a busy machine, more than the default 5 s wait.
  await expect(troops).toContainText('3,000', { timeout: 30_000 })
  await expect(troops).toContainText('12,000')
  await expect(view.getByRole('listitem', { name: /^Only / })).not.toHaveCount(0)
  await troops.getByRole('button', { name: 'Make claim' }).click()
  const detail = page.getByRole('region', { name: 'Claim' })
  await expect(detail).toContainText('contradicts')
  const saved = await notebook(app.notebookDir)
  expect(saved.claims).toHaveLength(1)
  const stances = saved.claims[0]!.links.map((l) => l.stance)
  expect(stances).toContain('supports')
  expect(stances).toContain('contradicts')
  // Every linked quote is a real annotation on its source, highlighted in the reader.
  expect(saved.claims[0]!.links.every((l) => saved.annotations.some((a) => a.id === l.annotationId))).toBe(
    true,
  )
})
