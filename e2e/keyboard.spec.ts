/**
 * The main path with the keyboard alone (page.keyboard only, no clicks): paste a report as a new
 * source from the toolbar, select a phrase in the reader with the caret and Shift+arrows, press C,
 * comment, tag and link it to a new claim, then export the brief as Markdown and PDF (with its busy
 * state showing). Along the way: focus is always visible, dialogs trap focus, close on Escape and
 * give focus back, the view tabs move with the arrow keys.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './support/harness'
import { savedNotebook } from './support/saved-notebook'
import { expectVisibleFocus, focusedName, moveCaretTo, pressUntilFocused } from './support/keyboard'
import { SAMPLE_DIR, SEEDS } from './support/seeds'

const TITLE = 'Pentagon confirms troops in Russia'
const PHRASE = 'at least 3,000 soldiers'
const STATEMENT = 'North Korea has about 3,000 troops in Russia'

const notebook = savedNotebook

test('paste, select, annotate, claim and export with the keyboard only', async ({ app }, testInfo) => {
  const { page } = app
  const report = await readFile(join(SAMPLE_DIR, SEEDS[2]!), 'utf8')
  await app.open()

  // The toolbar is one Tab stop; the arrow keys walk its buttons.
  await pressUntilFocused(page, { name: 'Import files…' })
  await expectVisibleFocus(page)
  await pressUntilFocused(page, { name: 'Paste text…' }, 'ArrowRight', 6)
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Paste text as a new source' })
  await expect(dialog).toBeVisible()
  await expect(dialog).toHaveAttribute('aria-modal', 'true')
  await page.keyboard.type(TITLE)
  await page.keyboard.press('Tab')
  await page.keyboard.insertText(report)
  await pressUntilFocused(page, { name: 'Import' }, 'Tab', 4)
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  // Focus came back to the button that opened the dialog.
  expect(await focusedName(page)).toBe('Paste text…')
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()

  // Into the text: a caret appears; walk it to the phrase and select it with Shift+→.
  await pressUntilFocused(page, { selector: '.reader-text' })
  await expectVisibleFocus(page)
  await expect(page.locator('.reader-caret')).toBeVisible()
  // Where the phrase starts in the text as main stored it (the runs carry their offsets).
  const start = await page.evaluate((phrase) => {
    for (const run of document.querySelectorAll<HTMLElement>('.reader-text [data-start]')) {
      const at = run.textContent!.indexOf(phrase)
      if (at >= 0) return Number(run.dataset['start']) + at
    }
    return -1
  }, PHRASE)
  expect(start).toBeGreaterThan(0)
  await moveCaretTo(page, start)
  for (let i = 0; i < PHRASE.length; i++) await page.keyboard.press('Shift+ArrowRight')
  await expect(page.getByText(`${PHRASE.length} characters selected`)).toBeVisible()
  await page.keyboard.press('c')

  // The new card takes focus in its comment; Tab through tag and claim link.
  const card = page.locator('.annotation-card', { hasText: `“${PHRASE}”` })
  await expect(card).toBeVisible()
  await expect(card.getByLabel('Comment')).toBeFocused()
  await page.keyboard.type('The Pentagon puts it at 3,000 at least.')
  await page.keyboard.press('Tab')
  await expect(card.getByLabel('Add tag')).toBeFocused()
  await page.keyboard.type('troop numbers')
  await page.keyboard.press('Enter')
  await expect(card.getByRole('list', { name: 'Tags' })).toContainText('troop numbers')
  await pressUntilFocused(page, { name: 'Link to claim…' }, 'Tab', 4)
  await page.keyboard.press('Enter')
  const form = card.getByRole('form', { name: 'Link to claim' })
  await expect(form.getByLabel('Claim')).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(form.getByLabel('Statement')).toBeFocused()
  await page.keyboard.type(STATEMENT)
  await page.keyboard.press('Tab') // stance: supports, the default
  await page.keyboard.press('Tab')
  await expect(form.getByLabel('Attributed to')).toBeFocused()
  await page.keyboard.type('Pentagon')
  await page.keyboard.press('Enter')
  await expect(card.getByRole('list', { name: 'Linked claims' })).toContainText(STATEMENT)
  expect(await focusedName(page)).toBe('Link to claim…')
  await expect
    .poll(async () => (await notebook(app.notebookDir)).claims.map((c) => c.statement))
    .toEqual([STATEMENT])

  // Back to the toolbar (Shift+Tab) and export: Markdown, then PDF with its busy state.
  await pressUntilFocused(page, { selector: '[role=toolbar][aria-label=Notebook] button' }, 'Shift+Tab')
  await pressUntilFocused(page, { name: 'Markdown' }, 'ArrowRight', 16)
  const markdown = testInfo.outputPath('keyboard.md')
  app.dialogs.exportPath = markdown
  await page.keyboard.press('Enter')
  await expect(page.getByText(`Brief saved to ${markdown}`)).toBeVisible()
  expect(await readFile(markdown, 'utf8')).toContain(`“${PHRASE}”`)

  await pressUntilFocused(page, { name: 'PDF' }, 'ArrowRight', 4)
  const pdf = testInfo.outputPath('keyboard.pdf')
  app.dialogs.exportPath = pdf
  await page.evaluate(() => {
    const seen = new MutationObserver(() => {
      const busy = document.querySelector('.busy-task')
      if (busy) (window as unknown as { __busy: string }).__busy = busy.textContent ?? ''
    })
    seen.observe(document.body, { childList: true, subtree: true })
  })
  await page.keyboard.press('Enter')
  await expect(page.getByText(`Brief saved to ${pdf}`)).toBeVisible({ timeout: 30_000 })
  expect(await page.evaluate(() => (window as unknown as { __busy?: string }).__busy)).toBe(
    'Exporting the brief as PDF…',
  )
  expect((await readFile(pdf)).subarray(0, 5).toString()).toBe('%PDF-')
})

test('dialogs trap focus, close on Escape and give focus back; tabs follow the arrow keys', async ({
  app,
}) => {
  const { page } = app
  await app.open()
  await pressUntilFocused(page, { selector: '[role=tab]' })
  await expect(page.getByRole('tab', { name: 'Read' })).toBeFocused()
  await expectVisibleFocus(page)
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('tab', { name: 'Claims' })).toBeFocused()
  await expect(page.getByRole('tab', { name: 'Claims' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('tabpanel', { name: 'Claims' })).toBeVisible()
  await page.keyboard.press('End')
  await expect(page.getByRole('tab', { name: 'Conflicts' })).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Home')
  await expect(page.getByRole('tab', { name: 'Read' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('tabpanel', { name: 'Read' })).toBeVisible()

  // "?" opens the shortcuts sheet; Tab cannot leave it; Escape closes it and focus returns.
  await page.keyboard.press('?')
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(sheet).toBeVisible()
  await expect(sheet.getByRole('button', { name: 'Close' })).toBeFocused()
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog[open]'))).toBe(true)
  }
  await page.keyboard.press('Escape')
  await expect(sheet).toBeHidden()
  await expect(page.getByRole('tab', { name: 'Read' })).toBeFocused()
})
