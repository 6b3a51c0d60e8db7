import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { JSDOM } from 'jsdom'
import JSZip from 'jszip'
import mammoth from 'mammoth'
import { describe, expect, it } from 'vitest'
import type { Annotation, NotebookData, Source } from '../model'
import { SCHEMA_VERSION } from '../model'
import { finishTree } from './brief-tree'
import { citationPhrasing, citeWith } from './citation'
import { outlineQuickBrief } from './quick-brief'
import { serialiseBrief } from './serialise'

const SEED = readFileSync(
  new URL('../../../resources/sample/002_a4871556e040079a.txt', import.meta.url),
  'utf8',
)
const QUOTE = 'at least 3,000 soldiers'
/** Spans the seed's line break, to check a quote's newline survives as a Word line break. */
const SECOND_QUOTE = 'a highly concerning probability.\n“After completing training'
const GENERATED = '2024-10-25T09:30:00.000Z'
const URL_ = 'https://example.com/news/north-korea-troops?a=1&b=2'
const HOSTILE = '<w:t>&amp; "quotes"'
const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

function source(overrides: Partial<Source> = {}): Source {
  return {
    id: 's1',
    title: 'Pentagon confirms North Korean troops in Russia',
    outlet: 'Example Daily',
    author: 'Dana Reporter',
    published: '2024-10-23',
    url: URL_,
    imported: '2024-10-24T08:00:00.000Z',
    originalFileName: '002_a4871556e040079a.txt',
    format: 'txt',
    originalSha256: sha256(SEED),
    textSha256: sha256(SEED),
    textLength: SEED.length,
    retrieved: '',
    pages: 0,
    nearDuplicates: [],
    ...overrides,
  }
}

function claim(id: string, exact: string, extra: Partial<Annotation> = {}): Annotation {
  const start = SEED.indexOf(exact)
  if (start < 0) throw new Error(`fixture quote not in text: ${exact}`)
  const target: Annotation['target'] = {
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
  }
  return {
    id,
    sourceId: 's1',
    kind: 'claim',
    target,
    comment: '',
    tagIds: [],
    created: '',
    modified: '',
    ...extra,
  }
}

function notebook(
  annotations: Annotation[],
  sourceOverrides: Partial<Source> = {},
  name = 'NK / Russia',
): NotebookData {
  return {
    schemaVersion: SCHEMA_VERSION,
    meta: { id: 'nb1', name, created: '2024-10-24T07:00:00.000Z' },
    sources: [source(sourceOverrides)],
    annotations,
    tags: [{ id: 't1', name: 'troop numbers' }],
    claims: [],
    briefs: [],
  }
}

const troops = claim('a1', QUOTE, { comment: 'US says North Korea sent troops.', tagIds: ['t1'] })

/** The quick brief's tree, serialised as `format` (main checks the texts first). */
async function serialise(
  data: NotebookData,
  format: 'markdown' | 'docx',
  pages?: ReadonlyMap<string, number>,
) {
  const outline = outlineQuickBrief(data, GENERATED)
  return (await serialiseBrief(finishTree(outline, citeWith(citationPhrasing, pages)), outline, format))
    .content
}

async function build(data: NotebookData, pages?: ReadonlyMap<string, number>) {
  const bytes = (await serialise(data, 'docx', pages)) as Uint8Array
  const zip = await JSZip.loadAsync(bytes)
  const part = async (path: string): Promise<string> => {
    const file = zip.file(path)
    if (!file) throw new Error(`missing part ${path}`)
    return file.async('string')
  }
  return { bytes, zip, part }
}

/** Parses strictly, so a part that escaping broke fails here rather than in Word. */
function parseXml(xml: string): Document {
  const parsed = new new JSDOM('').window.DOMParser().parseFromString(xml, 'application/xml')
  expect(parsed.getElementsByTagName('parsererror')).toHaveLength(0)
  return parsed
}

/** Each real footnote's text (Word's separators have negative or zero ids), by id. */
function footnoteTexts(xml: string): Map<string, string> {
  const notes = Array.from(parseXml(xml).getElementsByTagName('w:footnote'))
  return new Map(
    notes
      .filter((note) => Number(note.getAttribute('w:id')) > 0)
      .map((note) => [note.getAttribute('w:id') ?? '', paragraphText(note)]),
  )
}

/** w:t text with w:br as a newline, as Word would lay it out. */
function paragraphText(element: Element): string {
  return Array.from(element.getElementsByTagName('*'))
    .map((node) => (node.tagName === 'w:t' ? (node.textContent ?? '') : node.tagName === 'w:br' ? '\n' : ''))
    .join('')
}

describe('Word brief', () => {
  it('puts the citation and exact quote in a real footnote that the claim refers to', async () => {
    const { part, bytes } = await build(notebook([troops]))
    expect(bytes).toBeInstanceOf(Uint8Array)
    const expected =
      'Example Daily, “Pentagon confirms North Korean troops in Russia”, Dana Reporter, 2024-10-23, ' +
      `${URL_}. Quote: “at least 3,000 soldiers”`
    expect(footnoteTexts(await part('word/footnotes.xml'))).toEqual(new Map([['1', expected]]))
    const documentXml = await part('word/document.xml')
    expect(documentXml).toContain('<w:footnoteReference w:id="1"/>')
    expect(documentXml).toContain('<w:pStyle w:val="Heading1"/>')
    expect(documentXml).toContain('<w:pStyle w:val="Heading2"/>')
    expect(await part('word/footnotes.xml')).toContain('<w:pStyle w:val="FootnoteText"/>')
    expect(documentXml).toMatch(/<w:i\/>.*Tags: troop numbers/)
  })

  it('uses the same citation words as the Markdown footnote', async () => {
    const { part } = await build(notebook([troops]))
    const markdown = String(await serialise(notebook([troops]), 'markdown'))
      .split('\n')
      .find((line) => line.startsWith('[^1]: '))
    // The Markdown writes the URL as an autolink; otherwise the words are the same.
    const fromMarkdown = markdown?.slice('[^1]: '.length).replace(`<${URL_}>`, URL_)
    expect(fromMarkdown).toContain('Quote: “at least 3,000 soldiers”')
    expect(footnoteTexts(await part('word/footnotes.xml')).get('1')).toBe(fromMarkdown)
  })

  it('reads back in mammoth with the claim, the tags and the footnoted quote', async () => {
    const { bytes } = await build(notebook([troops]))
    const buffer = Buffer.from(bytes)
    const { value: raw } = await mammoth.extractRawText({ buffer })
    expect(raw).toContain('NK / Russia')
    expect(raw).toContain('Generated 2024-10-25T09:30:00.000Z: 1 claim from 1 source.')
    expect(raw).toContain('US says North Korea sent troops. Tags: troop numbers')
    const { value: html } = await mammoth.convertToHtml({ buffer })
    expect(html).toContain('<h1>NK / Russia</h1>')
    expect(html).toContain('<h2>Claims</h2>')
    expect(html).toMatch(
      /<li>US says North Korea sent troops\. <em>Tags: troop numbers<\/em><sup><a href="#footnote-1"/,
    )
    expect(html).toMatch(
      /<li id="footnote-1"><p>Example Daily, “Pentagon confirms .*Quote: “at least 3,000 soldiers”/,
    )
    expect(html).toContain(`<a href="${URL_.replace('&', '&amp;')}">`)
  })

  it('numbers two claims 1 and 2 in reading order, and keeps a quote’s line break', async () => {
    // Listed out of order: collectBrief sorts by position in the source.
    const later = claim('a2', SECOND_QUOTE)
    const { part, bytes } = await build(notebook([later, troops]))
    const documentXml = await part('word/document.xml')
    const references = [...documentXml.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => m[1])
    expect(references).toEqual(['1', '2'])
    const notes = footnoteTexts(await part('word/footnotes.xml'))
    expect([...notes.keys()]).toEqual(['1', '2'])
    expect(notes.get('1')).toMatch(/Quote: “at least 3,000 soldiers”$/)
    expect(notes.get('2')).toMatch(/Quote: “a highly concerning probability\.\n“After completing training”$/)
    // With no comment the claim is the quote itself, in quotation marks.
    expect(paragraphText(parseXml(documentXml).documentElement)).toContain(`“${SECOND_QUOTE}”`)
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })
    expect(html.indexOf('id="footnote-1"')).toBeLessThan(html.indexOf('id="footnote-2"'))
  })

  it('escapes hostile metadata and comments as Word text and never links a non-http URL', async () => {
    const hostile = claim('a1', QUOTE, { comment: `${HOSTILE} ]]> <script>` })
    const { part, bytes } = await build(
      notebook([hostile], { title: HOSTILE, outlet: '', url: 'javascript:alert(1)' }, HOSTILE),
    )
    const footnotesXml = await part('word/footnotes.xml')
    expect(footnotesXml).not.toContain('<w:t>&amp;')
    expect(footnoteTexts(footnotesXml).get('1')).toBe(
      `“${HOSTILE}”, Dana Reporter, 2024-10-23, javascript:alert(1). Quote: “${QUOTE}”`,
    )
    expect(footnotesXml).not.toContain('<w:hyperlink')
    const documentXml = await part('word/document.xml')
    expect(paragraphText(parseXml(documentXml).documentElement)).toContain(`${HOSTILE} ]]> <script>`)
    expect(documentXml).not.toContain('<w:hyperlink')
    const rels = await Promise.all(
      ['word/_rels/document.xml.rels', 'word/_rels/footnotes.xml.rels'].map((path) => part(path)),
    )
    expect(rels.join('')).not.toContain('javascript:')
    const core = parseXml(await part('docProps/core.xml'))
    expect(core.getElementsByTagName('dc:title')[0]?.textContent).toBe(HOSTILE)
    expect(core.getElementsByTagName('dc:creator')[0]?.textContent).toBe('Corroborate')
    const { value: raw } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) })
    expect(raw).toContain(`${HOSTILE} ]]> <script>`)
  })

  it('cites a PDF page and writes "n.d." once for an unknown date', async () => {
    const data = notebook([troops], { published: '', url: '', format: 'pdf', pages: 3 })
    const { part } = await build(data, new Map([['a1', 2]]))
    const notes = footnoteTexts(await part('word/footnotes.xml'))
    expect(notes.get('1')).toBe(
      'Example Daily, “Pentagon confirms North Korean troops in Russia”, Dana Reporter, n.d., p. 2. ' +
        'Quote: “at least 3,000 soldiers”',
    )
  })

  it('lists each cited source with its text hash, import time and a linked URL', async () => {
    const { part } = await build(notebook([troops]))
    const documentXml = await part('word/document.xml')
    const text = paragraphText(parseXml(documentXml).documentElement)
    const sources = text.slice(text.indexOf('Sources'))
    expect(sources).toContain(`Text SHA-256: ${sha256(SEED)}`)
    expect(sources).toContain('Imported: 2024-10-24T08:00:00.000Z')
    expect(sources).toContain(`URL: ${URL_}`)
    const rels = await part('word/_rels/document.xml.rels')
    expect(rels).toContain(`Target="${URL_.replace('&', '&amp;')}" TargetMode="External"`)
  })

  it('says so when there are no claims, with no footnotes', async () => {
    const { part } = await build(notebook([claim('n1', QUOTE, { kind: 'note', comment: 'PRIVATE' })]))
    const documentXml = await part('word/document.xml')
    expect(documentXml).toContain('This notebook has no claims yet.')
    expect(documentXml).not.toContain('PRIVATE')
    expect(documentXml).not.toContain('w:footnoteReference')
    expect(footnoteTexts(await part('word/footnotes.xml')).size).toBe(0)
  })
})
