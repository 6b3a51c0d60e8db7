/**
 * Runs the importer over Readability's own test pages (kept beside the repo, in
 * ../shared/corpus/html) and counts how often we agree with what Readability's test suite expects.
 * Counts, not exact equality: we walk the article into blocks ourselves, so a page may differ in
 * detail while still being read correctly.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { extractHtml } from './html'

// Same convention as the anchoring test: CORPUS_DIR names the corpus root, pages live in html/.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..')
const corpusDir = join(process.env['CORPUS_DIR'] ?? join(repoRoot, '../shared/corpus'), 'html')
const exists = existsSync(corpusDir)
if (!exists) console.warn(`Skipping the HTML corpus test: ${corpusDir} not found (set CORPUS_DIR)`)

interface ExpectedMetadata {
  title: string | null
  byline: string | null
  dir: string | null
}

const normalize = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim()

/** The first and last paragraph Readability kept, as text (a <br> reads as a space, as in ours). */
function firstAndLastParagraph(expectedHtml: string): [string, string] {
  const dom = new JSDOM(expectedHtml)
  const { document } = dom.window
  for (const br of document.querySelectorAll('br')) br.replaceWith(' ')
  const texts = [...document.querySelectorAll('p')].map((p) => normalize(p.textContent)).filter(Boolean)
  dom.window.close()
  return [texts[0] ?? '', texts.at(-1) ?? '']
}

interface Row {
  page: string
  ms: number
  title: boolean
  byline: boolean | null
  paragraphs: boolean
  dir: string
}

describe.skipIf(!exists)('HTML corpus (Readability test pages)', () => {
  const pages = exists
    ? readdirSync(corpusDir).filter((name) => existsSync(join(corpusDir, name, 'source.html')))
    : []

  // Generous, from its size: 30 real pages through jsdom and Readability, ~2 s a page idle (the
  // largest ~9 s) and about five times that with both cores busy; 30 s a page allowed (900 s).
  it('reads titles, bylines and article text on nearly every page', () => {
    const rows: Row[] = []
    for (const page of pages) {
      const folder = join(corpusDir, page)
      const expected = JSON.parse(
        readFileSync(join(folder, 'expected-metadata.json'), 'utf8'),
      ) as ExpectedMetadata
      const started = performance.now()
      const doc = extractHtml(new Uint8Array(readFileSync(join(folder, 'source.html'))), `${page}.html`)
      const ms = Math.round(performance.now() - started)

      const text = normalize(doc.text)
      const [first, last] = firstAndLastParagraph(readFileSync(join(folder, 'expected.html'), 'utf8'))
      const byline = normalize(doc.metadata.byline).toLowerCase()
      const wantedByline = normalize(expected.byline).toLowerCase()
      rows.push({
        page,
        ms,
        title: normalize(doc.metadata.title) === normalize(expected.title),
        byline:
          expected.byline === null
            ? null
            : !!byline && (byline.includes(wantedByline) || wantedByline.includes(byline)),
        paragraphs: !!first && text.includes(first) && text.includes(last),
        dir: doc.structure.dir,
      })
    }

    const titles = rows.filter((r) => r.title).length
    const withByline = rows.filter((r) => r.byline !== null)
    const bylines = withByline.filter((r) => r.byline).length
    const paragraphs = rows.filter((r) => r.paragraphs).length
    const totalMs = rows.reduce((sum, r) => sum + r.ms, 0)
    console.log(
      [
        'page                         ms  title byline paras dir',
        ...rows.map((r) =>
          [
            r.page.padEnd(26),
            String(r.ms).padStart(5),
            (r.title ? 'ok' : 'MISS').padStart(6),
            (r.byline === null ? '-' : r.byline ? 'ok' : 'MISS').padStart(6),
            (r.paragraphs ? 'ok' : 'MISS').padStart(5),
            ` ${r.dir}`,
          ].join(' '),
        ),
        `title ${titles}/${rows.length}, byline ${bylines}/${withByline.length}, ` +
          `first+last paragraph ${paragraphs}/${rows.length}, ${Math.round(totalMs / rows.length)} ms per page`,
      ].join('\n'),
    )

    expect(rows.length).toBe(30)
    expect(titles).toBeGreaterThanOrEqual(28)
    expect(bylines).toBeGreaterThanOrEqual(Math.ceil(withByline.length * 0.9))
    expect(paragraphs).toBeGreaterThanOrEqual(28)
    expect(rows.find((r) => r.page === 'rtl-1')?.dir).toBe('rtl')
  }, 900_000)
})
