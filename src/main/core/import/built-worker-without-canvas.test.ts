/**
 * The BUILT import worker (out/main/import-worker.js, `npm run build`) run through the real pool where
 * the optional native `@napi-rs/canvas` is missing, as on a machine npm gave no binary for, or in the
 * package, which leaves @napi-rs out. pdf.js's legacy build used to get its DOMMatrix only from canvas
 * and threw at load, so every web page, PDF and Word file failed, and the conflict finder too.
 *
 * How canvas is hidden: the packaged app's layout (package.json, out/main, node_modules) is laid out in
 * a temp folder, with node_modules holding every installed package but @napi-rs. That is what Node's
 * own resolution sees in the app, so no loader hook or patched `require` stands between the test and
 * the real thing. pdf.js looks canvas up from its own folder, so it is a real copy (a symlink would
 * resolve to the repository's node_modules, where canvas is); the rest are symlinks.
 */
import { existsSync, readFileSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ExtractorPool } from './extractor-pool'

const ROOT = resolve(import.meta.dirname, '../../../..')
const BUILT_WORKER = join(ROOT, 'out', 'main', 'import-worker.js')
const CORPUS_DIR = process.env['CORPUS_DIR'] ?? join(ROOT, '..', 'shared', 'corpus')
const PDF = join(CORPUS_DIR, 'pdf', 'issue918.pdf')
const DOCX = join(CORPUS_DIR, 'docx', 'mammoth', 'simple-list.docx')
const corpusExists = existsSync(PDF) && existsSync(DOCX)
if (!corpusExists) console.warn(`built-worker test: PDF and DOCX skipped, ${PDF} not found (set CORPUS_DIR)`)

const HIDDEN = '@napi-rs'

/** package.json, out/main and node_modules as app.asar holds them, minus @napi-rs. Returns the worker. */
async function layOutAppWithoutCanvas(dir: string): Promise<string> {
  await cp(join(ROOT, 'package.json'), join(dir, 'package.json'))
  await cp(join(ROOT, 'out', 'main'), join(dir, 'out', 'main'), { recursive: true })
  await mkdir(join(dir, 'node_modules'))
  for (const entry of await readdir(join(ROOT, 'node_modules'))) {
    if (entry.startsWith('.') || entry === HIDDEN || entry === 'pdfjs-dist') continue
    await symlink(join(ROOT, 'node_modules', entry), join(dir, 'node_modules', entry), 'junction')
  }
  await cp(join(ROOT, 'node_modules', 'pdfjs-dist'), join(dir, 'node_modules', 'pdfjs-dist'), {
    recursive: true,
    filter: (source) => !source.endsWith('.map'),
  })
  return join(dir, 'out', 'main', 'import-worker.js')
}

const sampleSources = () =>
  ['000_0fc4dfd4ef4d2d56', '001_83e5dde8b94cbfda', '002_a4871556e040079a'].map((name) => ({
    id: name.slice(0, 3),
    outlet: `Outlet ${name.slice(0, 3)}`,
    title: '',
    text: readFileSync(join(ROOT, 'resources', 'sample', `${name}.txt`), 'utf8'),
  }))

describe('the built import worker without @napi-rs/canvas', () => {
  let dir = ''
  let pool: ExtractorPool

  beforeAll(async () => {
    if (!existsSync(BUILT_WORKER))
      throw new Error(`${BUILT_WORKER} is missing: run "npm run build" first (npm test does).`)
    dir = await mkdtemp(join(tmpdir(), 'corroborate-no-canvas-'))
    const worker = await layOutAppWithoutCanvas(dir)
    // The layout really hides it: from pdf.js's folder, canvas cannot be found.
    const fromPdfjs = createRequire(join(dir, 'node_modules', 'pdfjs-dist', 'package.json'))
    expect(() => fromPdfjs.resolve('@napi-rs/canvas')).toThrow(/Cannot find module/)
    // Generous limits: this is about loading, not speed, on however busy a machine.
    pool = new ExtractorPool({ timeoutMs: 10 * 60_000, memoryMb: 1024 }, worker)
  }, 120_000)

  afterAll(async () => {
    await pool?.close()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('imports a web page', { timeout: 10 * 60_000 }, async () => {
    const html = readFileSync(join(ROOT, 'test-fixtures', 'hostile-html', 'article.html'))
    const page = await pool.extract({ name: 'article.html', bytes: new Uint8Array(html) })
    expect(page.format).toBe('html')
    expect(page.metadata.title).toBe('Council approves the harbour dredging plan')
    expect(page.text).toContain('Deepens the main channel to six metres.')
  })

  it('runs the conflict finder', { timeout: 10 * 60_000 }, async () => {
    const findings = await pool.runConflicts(sampleSources())
    const troops = findings.groups.find((g) => g.kind === 'quantity' && g.topic === 'troops')
    expect(troops?.conflicting).toBe(true)
  })

  it.skipIf(!corpusExists)('imports a Word document', { timeout: 10 * 60_000 }, async () => {
    const docx = await pool.extract({ name: 'simple-list.docx', bytes: new Uint8Array(readFileSync(DOCX)) })
    expect(docx.format).toBe('docx')
    expect(docx.text).toContain('Apple')
  })

  // A TeX PDF with Type3 fonts: reading their glyphs uses DOMMatrix in pdf.js's worker too, not
  // only at load.
  it.skipIf(!corpusExists)('imports a PDF', { timeout: 10 * 60_000 }, async () => {
    const pdf = await pool.extract({ name: 'issue918.pdf', bytes: new Uint8Array(readFileSync(PDF)) })
    expect(pdf.format).toBe('pdf')
    expect(pdf.text).toContain('a means of distancing the signifier from the ordinary signified.')
    expect(pdf.text).toContain('“excusatory function of ideology”')
    expect(pdf.warnings).toEqual([])
  })
})
