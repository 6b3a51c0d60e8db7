/**
 * Every brief format from the seeds: Markdown, HTML, Word and PDF. The PDF is read back with our own
 * pdf.js importer; the HTML export is opened in Chromium to check its footnotes link both ways and
 * that it runs under the CSP it declares.
 */
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import JSZip from 'jszip'
import { extractPdf } from '../src/main/core/import/pdf'
import { expect, test } from './support/harness'
import { savedNotebook } from './support/saved-notebook'
import { importSeeds, markClaim } from './support/seeds'
import { exportEveryFormat, linkToClaim } from './support/ui-steps'

const QUOTE = 'at least 3,000 soldiers'

test('exports the brief as Markdown, HTML, Word and PDF, each quoting the source exactly', async ({
  app,
}, testInfo) => {
  const { page } = app
  await app.open()
  await importSeeds(app)
  const card = await markClaim(page, 2, QUOTE)
  await card.getByLabel('Comment').fill('The White House puts the deployment at about 3,000 soldiers.')
  await card.getByLabel('Comment').blur()
  await expect(card.getByText('Saved')).toBeVisible()

  const exported = await exportEveryFormat(app, page, (name) => testInfo.outputPath(name), 'brief')

  expect(await readFile(exported.md, 'utf8')).toContain(`“${QUOTE}”`)
  const docx = await JSZip.loadAsync(await readFile(exported.docx))
  expect(await docx.file('word/footnotes.xml')!.async('string')).toContain(QUOTE)
  const pdf = await extractPdf(new Uint8Array(await readFile(exported.pdf)), 'brief.pdf')
  expect(pdf.text.replace(/\s+/g, ' ')).toContain(QUOTE)

  // The HTML brief on its own: no script, footnotes that link both ways, and no CSP violation.
  const html = await readFile(exported.html, 'utf8')
  expect(html).not.toMatch(/<script/i)
  const brief = await page.context().newPage()
  const violations: string[] = []
  brief.on('console', (message) => message.type() === 'error' && violations.push(message.text()))
  await brief.setContent(html)
  const reference = brief.locator('a[data-footnote-ref]').first()
  const target = (await reference.getAttribute('href'))!
  await expect(brief.locator(target)).toContainText(QUOTE)
  const back = brief.locator(`${target} a[data-footnote-backref]`)
  expect(await back.getAttribute('href')).toBe(`#${await reference.getAttribute('id')}`)
  expect(violations).toEqual([])
  await brief.close()
})

test('the notebook archive and the claims matrix CSV export; the archive imports back as a new notebook', async ({
  app,
}, testInfo) => {
  const { page } = app
  await app.open()
  await importSeeds(app)
  const card = await markClaim(page, 2, QUOTE)
  await linkToClaim(card, 'North Korea has about 3,000 troops in Russia', { isNew: true })

  app.dialogs.exportPath = testInfo.outputPath('matrix.csv')
  await page.getByRole('tab', { name: 'Matrix' }).click()
  await page.getByRole('button', { name: 'Export as CSV…' }).click()
  await expect(page.getByText('Claims matrix saved to')).toBeVisible()
  const csv = await readFile(app.dialogs.exportPath, 'utf8')
  expect(csv).toContain(`supports: “${QUOTE}”`)

  app.dialogs.exportPath = testInfo.outputPath('annotations.jsonld')
  await page.getByRole('button', { name: 'JSON-LD' }).click()
  await expect(page.getByText('Annotations saved to')).toBeVisible()
  const collection = JSON.parse(await readFile(app.dialogs.exportPath, 'utf8'))
  expect(collection.type).toBe('AnnotationCollection')
  expect(collection.first.items[0].target.selector[0]).toMatchObject({
    type: 'TextQuoteSelector',
    exact: QUOTE,
  })

  app.dialogs.exportPath = testInfo.outputPath('notebook.corroborate')
  await page.getByRole('button', { name: 'Archive…', exact: true }).click()
  await expect(page.getByText('Notebook archive saved to')).toBeVisible()
  const firstArchive = app.dialogs.exportPath

  app.dialogs.archive = app.dialogs.exportPath
  app.dialogs.notebookFolder = testInfo.outputPath('imported-notebook')
  await page.getByRole('button', { name: 'Import archive…' }).click()
  await expect(page.locator('.notebook-name')).toHaveAttribute('title', app.dialogs.notebookFolder)
  await page.getByRole('tab', { name: 'Read' }).click()
  await expect(page.getByRole('navigation', { name: 'Library' }).locator('.source-item')).toHaveCount(5)
  // Export the imported notebook again: the notebook's JSON is identical, nothing was lost.
  app.dialogs.exportPath = testInfo.outputPath('again.corroborate')
  await page.getByRole('button', { name: 'Archive…', exact: true }).click()
  await expect(page.getByText(`Notebook archive saved to ${app.dialogs.exportPath}`)).toBeVisible()
  const json = async (path: string) =>
    (await JSZip.loadAsync(await readFile(path))).file('notebook.json')!.async('string')
  expect(await json(app.dialogs.exportPath)).toBe(await json(firstArchive))
})

test('a quote that no longer matches its saved source blocks the export, names it, and opens it', async ({
  app,
}, testInfo) => {
  const { page } = app
  await app.open()
  await importSeeds(app)
  await markClaim(page, 2, QUOTE)
  const saved = await savedNotebook(app.notebookDir)
  const source = saved.sources.find((s) => s.id === saved.annotations[0]!.sourceId)!
  const textFile = join(app.notebookDir, 'texts', `${source.textSha256}.txt`)
  await writeFile(textFile, (await readFile(textFile, 'utf8')).replace('3,000', '30,000'))

  app.dialogs.exportPath = testInfo.outputPath('refused.md')
  await page.getByRole('tab', { name: 'Matrix' }).click()
  await page.getByRole('button', { name: 'Markdown' }).click()
  const alert = page.getByRole('alert').filter({ hasText: 'Nothing was exported' })
  await expect(alert).toContainText(`“${QUOTE}”`)
  expect(existsSync(app.dialogs.exportPath)).toBe(false)
  await page.getByRole('button', { name: 'Open the quote' }).click()
  await expect(page.getByRole('tab', { name: 'Read' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.locator('.annotation-card.selected')).toContainText(QUOTE)
})
