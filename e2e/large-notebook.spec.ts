/**
 * A notebook of 2,000 sources (the storage benchmark's generator, with 200 claims each quoting ten
 * sources) opened in the real renderer: the long lists draw only the rows in view, yet the keyboard
 * reaches the last source and opens it; the Matrix shows a page of claims against a page of the
 * sources bearing on them, never every column at once.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { writeV1Notebook } from '../bench/storage-fixture'
import type { Claim } from '../src/shared/model'
import { expect as harnessExpect, test } from './support/harness'

/** Each step waits generously: 2,000 rows' worth of data crosses the slow test bridge on a busy machine. */
const expect = harnessExpect.configure({ timeout: 30_000 })

const SOURCES = 2000
const CLAIMS = 200
/** Far fewer rows than sources: what a 900-pixel-high window shows, and a few either side. */
const MOST_ROWS_DRAWN = 100

/** Writes the notebook: one annotation per source, and claim k quoting sources 10k to 10k+9. */
async function writeLargeNotebook(dir: string): Promise<void> {
  const data = await writeV1Notebook(dir, { sources: SOURCES, annotationsPerSource: 1 })
  const claims: Claim[] = Array.from({ length: CLAIMS }, (_, k) => ({
    id: `claim-${k}`,
    statement: `Claim ${k}: North Korean troops reached the front`,
    links: data.annotations.slice(10 * k, 10 * k + 10).map((a, j) => ({
      annotationId: a.id,
      stance: j % 3 === 0 ? 'contradicts' : 'supports',
      attributedTo: '',
    })),
    credibility: null,
    tagIds: [],
    created: '2026-01-03T00:00:00.000Z',
    modified: '2026-01-03T00:00:00.000Z',
  }))
  const file = join(dir, 'notebook.json')
  const written = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
  await writeFile(file, `${JSON.stringify({ ...written, claims }, null, 2)}\n`)
}

test('long lists draw only what is in view; the keyboard still reaches every source; the Matrix pages', async ({
  app,
}) => {
  // Building, migrating and sending 2,000 sources through the test bridge takes a while on a busy machine.
  test.setTimeout(480_000)
  const { page } = app
  // Beside the harness's own notebook, so it is removed with it, once the session has let go of it.
  const dir = join(dirname(app.notebookDir), 'large')
  await writeLargeNotebook(dir)
  await app.open()
  app.dialogs.notebookFolder = dir
  await page.getByRole('button', { name: 'Open notebook…' }).click()
  const library = page.getByRole('navigation', { name: 'Library' })
  await expect(library.getByRole('heading', { name: `Library (${SOURCES})` })).toBeVisible({
    timeout: 300_000,
  })

  // The library draws a window of rows, each saying its place in the whole list.
  const rows = library.getByRole('list', { name: 'Sources' }).getByRole('listitem')
  await expect(rows.first()).toContainText('Report 0:')
  expect(await rows.count()).toBeLessThan(MOST_ROWS_DRAWN)
  await expect(rows.first()).toHaveAttribute('aria-setsize', String(SOURCES))
  await expect(rows.first()).toHaveAttribute('aria-posinset', '1')

  // The keyboard reaches the last source: ↓, then End; Enter opens it in the reader.
  await library.locator('.source-item').first().focus()
  await page.keyboard.press('ArrowDown')
  await expect(page.locator(':focus')).toContainText('Report 1:')
  await page.keyboard.press('End')
  const last = `Report ${SOURCES - 1}: North Korean troops in Russia`
  await expect(page.locator(':focus')).toContainText(last)
  await page.keyboard.press('Enter')
  await expect(page.locator('.reader-title')).toHaveText(last)
  const selected = library.locator('li.selected')
  await expect(selected).toHaveAttribute('aria-posinset', String(SOURCES))
  await expect(selected.locator('.source-item')).toHaveAttribute('aria-current', 'true')
  await expect(selected).toBeInViewport()
  expect(await rows.count()).toBeLessThan(MOST_ROWS_DRAWN)
  // Home goes back to the top.
  await page.keyboard.press('Home')
  await expect(page.locator(':focus')).toContainText('Report 0:')

  // Claims: a window of the 200.
  await page.getByRole('tab', { name: /Claims/ }).click()
  const claimRows = page.getByRole('navigation', { name: 'Claims' }).getByRole('listitem')
  await expect(claimRows.first()).toContainText('Claim 0:')
  await expect(claimRows.first()).toHaveAttribute('aria-setsize', String(CLAIMS))
  expect(await claimRows.count()).toBeLessThan(MOST_ROWS_DRAWN)

  // Matrix: 50 claims a page, and of the 500 sources bearing on them 20 columns a page.
  await page.getByRole('tab', { name: 'Matrix' }).click()
  const matrix = page.getByRole('table')
  await expect(matrix.getByRole('rowheader')).toHaveCount(50)
  await expect(matrix.getByRole('columnheader')).toHaveCount(1 + 20)
  const sourcePages = page.getByRole('navigation', { name: 'Pages of sources' })
  await expect(sourcePages).toContainText('Sources 1–20 of 500 bearing on these claims')
  await sourcePages.getByRole('button', { name: 'Next sources' }).click()
  await expect(sourcePages).toContainText('Sources 21–40 of 500')
  await expect(matrix.getByRole('columnheader')).toHaveCount(1 + 20)
  const claimPages = page.getByRole('navigation', { name: 'Pages of claims' })
  await expect(claimPages).toContainText('Claims 1–50 of 200')
  await claimPages.getByRole('button', { name: 'Next claims' }).click()
  await expect(claimPages).toContainText('Claims 51–100 of 200')
  await expect(matrix.getByRole('rowheader').first()).toHaveText(/^Claim 50:/)
  await expect(sourcePages).toContainText('Sources 1–20 of 500')
  await expect(matrix.locator('td.stance-supports, td.stance-contradicts')).not.toHaveCount(0)
})
