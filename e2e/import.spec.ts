/**
 * Real-world import end to end: a batch of corpus files dropped at once (progress, per-file results,
 * metadata in the library), and the hostile-input suite: nothing runs, nothing loads, refused files
 * change nothing on disk.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import JSZip from 'jszip'
import { MAX_IMPORT_BYTES } from '../src/shared/limits'
import { dropFiles, dropPaths } from './support/drop-files'
import { expect, test } from './support/harness'

const CORPUS = process.env['CORPUS_DIR'] ?? resolve(import.meta.dirname, '..', '..', 'shared', 'corpus')
const HOSTILE_DIR = join(import.meta.dirname, '..', 'test-fixtures', 'hostile-html')
const file = (path: string, name = path.split('/').pop()!) => ({
  name,
  bytes: new Uint8Array(readFileSync(path)),
})

test('a batch of web pages, PDFs and Word files dropped at once lands in the library with its metadata', async ({
  app,
}) => {
  test.skip(!existsSync(CORPUS), `no corpus at ${CORPUS} (set CORPUS_DIR)`)
  const { page } = app
  await app.open()
  const batch = [
    file(join(CORPUS, 'html', 'guardian-1', 'source.html'), 'guardian-1.html'),
    file(join(CORPUS, 'html', 'rtl-1', 'source.html'), 'rtl-1.html'),
    file(join(CORPUS, 'pdf', 'issue13201.pdf')),
    file(join(CORPUS, 'pdf', 'pdfjs_wikipedia.pdf')),
    file(join(CORPUS, 'docx', 'unstructured', 'handbook-1p.docx')),
    file(join(CORPUS, 'docx', 'mammoth', 'empty.docx')),
  ]
  await dropFiles(page, batch)
  const imports = page.getByRole('region', { name: 'Imports' })
  await expect(imports).toBeVisible()
  await expect(imports).toContainText('5 of 6 imported, 1 refused', { timeout: 60_000 })
  await expect(imports.getByRole('list', { name: 'Import results' }).locator('li.refused')).toContainText(
    'empty.docx',
  )

  const library = page.getByRole('navigation', { name: 'Library' })
  await expect(library.locator('.source-item')).toHaveCount(5)
  const guardian = JSON.parse(
    readFileSync(join(CORPUS, 'html', 'guardian-1', 'expected-metadata.json'), 'utf8'),
  )
  await expect(library.locator('.source-item', { hasText: guardian.title })).toContainText('html')

  await library.locator('.source-item', { hasText: 'Bitcoin' }).first().click()
  await expect(page.locator('.reader-text')).toContainText('A purely peer-to-peer version of electronic cash')
  await expect(page.locator('.page-marker').first()).toHaveText('p. 1')

  await library.locator('.source-item', { hasText: 'RTL Test' }).click()
  await expect(page.locator('.reader-text')).toHaveAttribute('dir', 'rtl')
})

test('a dropped folder is walked by main; a file over the limit in it is refused alone', async ({ app }) => {
  const { page } = app
  const sample = (name: string) => join(import.meta.dirname, '..', 'resources', 'sample', name)
  const desktop = await mkdtemp(join(tmpdir(), 'corroborate-desktop-'))
  try {
    const folder = join(desktop, 'Reports')
    await mkdir(join(folder, '2024'), { recursive: true })
    await copyFile(sample('000_0fc4dfd4ef4d2d56.txt'), join(folder, 'kirby.txt'))
    await copyFile(sample('001_83e5dde8b94cbfda.txt'), join(folder, '2024', 'briefing.txt'))
    await writeFile(join(folder, 'huge.txt'), '')
    await truncate(join(folder, 'huge.txt'), MAX_IMPORT_BYTES + 1) // sparse: costs no disk
    await copyFile(sample('002_a4871556e040079a.txt'), join(desktop, 'loose.txt'))
    await app.open()
    await dropPaths(page, [folder, join(desktop, 'loose.txt')])
    const imports = page.getByRole('region', { name: 'Imports' })
    await expect(imports).toContainText('3 of 4 imported, 1 refused', { timeout: 60_000 })
    await expect(imports.locator('li.refused')).toHaveText(
      'huge.txt huge.txt is larger than the 20 MB import limit.',
    )
    await expect(page.getByRole('navigation', { name: 'Library' }).locator('.source-item')).toHaveCount(3)
  } finally {
    await rm(desktop, { recursive: true, force: true })
  }
})

async function hostileFiles(): Promise<Array<{ name: string; bytes: Uint8Array }>> {
  const html = readdirSync(HOSTILE_DIR)
    .filter((name) => name.endsWith('.html'))
    .map((name) => file(join(HOSTILE_DIR, name)))
  const deep = `<html><body>${'<div>'.repeat(5000)}<p>deep text</p>${'</div>'.repeat(5000)}</body></html>`
  const bomb = new JSZip()
  bomb.file('[Content_Types].xml', '<Types/>')
  bomb.file('word/document.xml', new Uint8Array(120 * 1024 * 1024), { compression: 'DEFLATE' })
  return [
    ...html,
    { name: 'deep-nesting.html', bytes: new TextEncoder().encode(deep) },
    { name: 'binary-renamed.html', bytes: Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256) },
    { name: 'invalid-utf8.txt', bytes: new Uint8Array([0x48, 0x69, 0xc3, 0x28, 0xa0, 0xa1, 0x0a]) },
    {
      name: 'zip-bomb.docx',
      bytes: await bomb.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }),
    },
    { name: 'truncated.pdf', bytes: new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<< /Type /Catalog') },
  ]
}

test('hostile and broken files: nothing runs or loads, refusals name the file and change nothing', async ({
  app,
}) => {
  const { page } = app
  await app.open()
  const files = await hostileFiles()
  const refusedNames = ['binary-renamed.html', 'invalid-utf8.txt', 'zip-bomb.docx', 'truncated.pdf']

  // Refused files alone first: the notebook on disk must not change by a single byte.
  const before = await readFile(join(app.notebookDir, 'notebook.json'))
  await dropFiles(
    page,
    files.filter((f) => refusedNames.includes(f.name)),
  )
  const imports = page.getByRole('region', { name: 'Imports' })
  await expect(imports).toContainText(`0 of ${refusedNames.length} imported`, { timeout: 60_000 })
  for (const name of refusedNames)
    await expect(imports.locator('li.refused', { hasText: name })).toBeVisible()
  expect(await readFile(join(app.notebookDir, 'notebook.json'))).toEqual(before)
  await imports.getByRole('button', { name: 'Close' }).click()

  const accepted = files.filter((f) => !refusedNames.includes(f.name))
  await dropFiles(page, accepted)
  await expect(imports).toContainText(`of ${accepted.length} imported`, { timeout: 60_000 })
  const library = page.getByRole('navigation', { name: 'Library' })
  const count = await library.locator('.source-item').count()
  expect(count).toBeGreaterThan(0)
  for (let i = 0; i < count; i++) {
    await library.locator('.source-item').nth(i).click()
    await expect(page.locator('.reader-text')).toBeVisible()
    // Imported markup is text: no element from an article ever reaches the page.
    expect(
      await page
        .locator('.reader-text :is(script, img, iframe, svg, form, style, link, object, embed)')
        .count(),
    ).toBe(0)
  }
  const canary = await page.evaluate(() => (window as unknown as { __canary?: unknown }).__canary)
  expect(canary).toBeUndefined()
  // The harness also fails this test on any request leaving the page and on any page error.
})
