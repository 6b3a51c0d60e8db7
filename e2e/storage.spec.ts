/**
 * The notebook's health in the window: the save indicator, backups taken, listed and restored, and
 * a damaged notebook opened read-only with the file named — all on the real store on disk.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { NotebookStore } from '../src/main/core/notebook-store'
import { sourceFixture } from '../src/shared/testing/fixtures'
import { expect, test } from './support/harness'
import { importSeeds } from './support/seeds'

test('shows that work is saved, lists backups, and restores one (and undoes the restore)', async ({
  app,
}) => {
  const { page } = app
  await app.open()
  const saveState = page.locator('.save-state')
  await expect(saveState).toContainText('All changes saved')
  await importSeeds(app) // the first save of the session snapshots the (empty) notebook first
  await expect(saveState).toContainText('All changes saved')
  await expect(page.locator('.source-item')).toHaveCount(5)

  await saveState.getByRole('button', { name: 'Backups…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Backups' })
  const items = dialog.getByRole('list', { name: 'Backups, newest first' }).getByRole('listitem')
  await expect(items).toHaveCount(1)
  await dialog.getByRole('button', { name: 'Back up now' }).click()
  await expect(items).toHaveCount(2)

  // Restore the oldest (taken before the import): the library empties.
  page.once('dialog', (confirm) => void confirm.accept())
  await items
    .last()
    .getByRole('button', { name: /^Restore the backup of/ })
    .click()
  await expect(page.locator('.source-item')).toHaveCount(0)

  // The restore snapshotted the present first: restoring that brings the five reports back.
  await saveState.getByRole('button', { name: 'Backups…' }).click()
  await expect(items.first()).toContainText('Before a restore')
  page.once('dialog', (confirm) => void confirm.accept())
  await items
    .first()
    .getByRole('button', { name: /^Restore the backup of/ })
    .click()
  await expect(page.locator('.source-item')).toHaveCount(5)
})

test('opens a notebook with a damaged file read-only, naming the file, and keeps the rest', async ({
  app,
}) => {
  const { page } = app
  const other = await mkdtemp(join(tmpdir(), 'corroborate-damaged-'))
  try {
    const store = await NotebookStore.open(other, 'Damaged')
    await store.update((data) => {
      data.sources.push(sourceFixture('kept', { title: 'The report that survived' }))
      data.sources.push(sourceFixture('broken', { title: 'The damaged report' }))
    })
    await store.close()
    await writeFile(join(other, 'sources', 'broken.json'), '{"source": {"id": "bro')

    await app.open()
    app.dialogs.notebookFolder = other
    await page.getByRole('button', { name: 'Open notebook…' }).click()
    const banner = page.getByRole('region', { name: 'Notebook health' })
    await expect(banner).toContainText('Read-only.')
    await expect(page.locator('.save-state')).toContainText('Read-only')
    await banner.getByText(/note.* about opening this notebook/).click()
    await expect(banner).toContainText('sources/broken.json')
    await expect(page.locator('.source-item')).toHaveCount(1)
    await expect(page.locator('.source-item')).toContainText('The report that survived')
  } finally {
    await rm(other, { recursive: true, force: true })
  }
})
