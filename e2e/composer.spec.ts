/**
 * The brief composer end to end on the seeds: two claims built across sources, a brief with a bottom
 * line and two sections (claims with ICD-203 judgements, prose, a quote), reordered by keyboard,
 * exported to Markdown, HTML and PDF; the HTML's footnotes link both ways.
 */
import { readFile } from 'node:fs/promises'
import JSZip from 'jszip'
import { extractPdf } from '../src/main/core/import/pdf'
import { expect, test } from './support/harness'
import { importSeeds, markClaim } from './support/seeds'
import { exportEveryFormat, linkToClaim } from './support/ui-steps'

const THREE = 'North Korea has about 3,000 troops in Russia'
const TWELVE = 'North Korea is deploying 12,000 troops'

test('compose a brief with a bottom line and two sections, reorder it, export it verified', async ({
  app,
}, testInfo) => {
  const { page } = app
  await app.open()
  await importSeeds(app)
  await linkToClaim(await markClaim(page, 2, 'at least 3,000 soldiers'), THREE, {
    attributedTo: 'John Kirby, White House',
    isNew: true,
  })
  await linkToClaim(await markClaim(page, 0, '12,000 troops'), TWELVE, {
    attributedTo: 'South Korean intelligence',
    isNew: true,
  })

  await page.getByRole('tab', { name: 'Brief' }).click()
  await page.getByRole('button', { name: 'New brief' }).click()
  const editor = page.getByRole('region', { name: 'Brief editor' })
  await editor.getByLabel('Title').fill('North Korean troops in Russia')
  await editor
    .getByLabel('Bottom line up front')
    .fill('North Korea has sent troops to Russia; the numbers conflict.')
  await editor.getByLabel('Section heading').first().fill('What the sources agree on')
  await editor.getByLabel('Add a claim').first().selectOption({ label: THREE })
  await editor.getByLabel('Judgement (ICD-203)').first().selectOption('very likely')
  await editor.getByRole('button', { name: 'Add prose' }).first().click()
  await editor.getByLabel('Prose text').fill('Washington and Seoul agree on the first deployment.')
  await editor.getByRole('button', { name: 'Add section' }).click()
  await editor.getByLabel('Section heading').nth(1).fill('Where they conflict')
  await editor.getByLabel('Add a claim').nth(1).selectOption({ label: TWELVE })
  await editor.getByLabel('Add a quote').nth(1).selectOption({ index: 1 })

  // Keyboard reorder: the prose moves above the claim in the first section.
  const prose = editor.getByRole('listitem', { name: 'Prose' })
  await prose.getByLabel('Prose text').focus()
  await page.keyboard.press('Alt+ArrowUp')
  await expect(editor.locator('.brief-items').first().locator('.brief-item').first()).toHaveAttribute(
    'aria-label',
    'Prose',
  )

  const preview = page.getByRole('article', { name: 'Preview' })
  await expect(preview).toContainText('Very likely: North Korea has about 3,000 troops in Russia')
  await expect(preview).toContainText('Bottom line up front')
  // The preview's footnotes are the export's: the Chicago style through CSL, with the access date.
  await expect(preview.locator('section[data-footnotes]')).toContainText(/accessed \w+ \d{1,2}, \d{4}/i)

  const exported = await exportEveryFormat(app, editor, (name) => testInfo.outputPath(name), 'composed')
  const markdown = await readFile(exported.md, 'utf8')
  expect(markdown).toContain('## Bottom line up front')
  expect(markdown.indexOf('Washington and Seoul agree')).toBeLessThan(markdown.indexOf('Very likely'))
  expect(markdown).toContain('Quote: “at least 3,000 soldiers”')
  expect(markdown).toContain('Quote: “12,000 troops”')
  // Footnotes are rendered through the bundled Chicago CSL style, with the access date.
  expect(markdown).toMatch(/\[\^1\]: .*accessed \w+ \d{1,2}, \d{4}\..*Quote: “/i)
  const docx = await JSZip.loadAsync(await readFile(exported.docx))
  const footnotes = await docx.file('word/footnotes.xml')!.async('string')
  expect(footnotes).toContain('at least 3,000 soldiers')
  expect(footnotes).toContain('12,000 troops')
  const pdf = await extractPdf(new Uint8Array(await readFile(exported.pdf)), 'composed.pdf')
  expect(pdf.text.replace(/\s+/g, ' ')).toContain('at least 3,000 soldiers')

  const html = await page.context().newPage()
  await html.setContent(await readFile(exported.html, 'utf8'))
  const calls = html.locator('a[data-footnote-ref]')
  expect(await calls.count()).toBeGreaterThanOrEqual(3)
  for (let i = 0; i < (await calls.count()); i++) {
    const call = calls.nth(i)
    const target = (await call.getAttribute('href'))!
    await expect(html.locator(`${target} a[data-footnote-backref]`).first()).toHaveAttribute(
      'href',
      `#${await call.getAttribute('id')}`,
    )
  }
  await html.close()
})
