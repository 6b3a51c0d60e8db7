import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { DomainError } from '../domain-error'
import type { ExtractedDocument } from './extracted-document'
import {
  cleanPdfText,
  cleanPdfTitle,
  describePages,
  explainPdfError,
  extractPdf,
  hasPdfHeader,
  MAX_PDF_BYTES,
  pdfDateToIso,
} from './pdf'

// The corpus lives beside the repo (../shared/corpus); CORPUS_DIR points elsewhere if needed.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..')
const pdfDir = join(process.env['CORPUS_DIR'] ?? join(repoRoot, '../shared/corpus'), 'pdf')
const corpusExists = existsSync(join(pdfDir, 'issue13201.pdf'))
if (!corpusExists)
  console.warn(`Skipping PDF corpus tests: ${pdfDir}/issue13201.pdf not found (set CORPUS_DIR)`)

const corpusFile = (relative: string): Uint8Array => new Uint8Array(readFileSync(join(pdfDir, relative)))

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(DomainError)
  return error as DomainError
}

/** The text of each block, with its type and page. */
const blocksOf = (doc: ExtractedDocument) =>
  doc.structure.blocks.map((block) => ({ ...block, text: doc.text.slice(block.start, block.end) }))

function expectWellFormed(doc: ExtractedDocument): void {
  expect(doc.text.trim().length).toBeGreaterThan(0)
  const pages = doc.structure.blocks.map((block) => block.page)
  expect(pages.every((page) => Number.isInteger(page) && page! >= 1)).toBe(true)
  expect(pages).toEqual([...pages].sort((a, b) => a! - b!))
  expect(doc.structure.dir).toBe('auto')
}

/**
 * A PDF written out with a correct xref table. `pages` holds each page's content stream, or null for
 * a page with no content at all; text is set in Helvetica, one of the 14 standard fonts, so pdf.js
 * must find its metrics in its own standard_fonts folder.
 */
function buildPdf(
  pages: ReadonlyArray<string | null>,
  options: { encrypt?: string; junk?: string } = {},
): Uint8Array {
  const objects: string[] = []
  const add = (body: string): number => objects.push(body)
  add('<< /Type /Catalog /Pages 2 0 R >>')
  add('') // the page tree, filled in below
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>')
  const kids: number[] = []
  for (const content of pages) {
    let contents = ''
    if (content !== null) {
      contents = ` /Contents ${add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`)} 0 R`
    }
    kids.push(
      add(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >>${contents} >>`,
      ),
    )
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((kid) => `${kid} 0 R`).join(' ')}] /Count ${kids.length} >>`
  const encrypt = options.encrypt ? add(options.encrypt) : 0
  let out = `${options.junk ?? ''}%PDF-1.4\n`
  const offsets = objects.map((body, i) => {
    const offset = out.length
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
    return offset
  })
  const xref = out.length
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`
  const id = `<${'5a'.repeat(16)}>`
  const trailerExtra = encrypt ? ` /Encrypt ${encrypt} 0 R /ID [${id} ${id}]` : ''
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`
  return new TextEncoder().encode(out)
}

const textPage = (...lines: string[]): string =>
  `BT /F1 12 Tf 72 720 Td 14 TL ${lines.map((line) => `(${line}) '`).join(' ')} ET`

describe.skipIf(!corpusExists)('the PDF corpus', () => {
  it('issue13201.pdf: keeps a sentence broken over lines on one line of text, on page 1', async () => {
    const doc = await extractPdf(corpusFile('issue13201.pdf'), 'issue13201.pdf')
    expectWellFormed(doc)
    const sentence = 'A purely peer-to-peer version of electronic cash would allow online payments to be sent'
    const block = blocksOf(doc).find((b) =>
      b.text.includes('A purely peer-to-peer version of electronic cash'),
    )
    expect(block).toMatchObject({ type: 'paragraph', page: 1 })
    expect(block!.text).toContain(sentence)
    expect(blocksOf(doc)[0]).toMatchObject({
      type: 'heading',
      text: 'Bitcoin: A Peer-to-Peer Electronic Cash System',
    })
    // No Title in its Info dictionary: the caller suggests one from the text.
    expect(doc.metadata).toEqual({ title: '', byline: '', siteName: '', published: '2021-05-22', url: '' })
  })

  it('pdfjs_wikipedia.pdf: takes its title and language from the file', async () => {
    const doc = await extractPdf(corpusFile('pdfjs_wikipedia.pdf'), 'pdfjs_wikipedia.pdf')
    expectWellFormed(doc)
    expect(doc.metadata.title).toBe('PDF.js - Wikipedia')
    expect(doc.metadata.published).toBe('2024-04-19')
    expect(doc.structure.lang).toBe('en')
    // The article reads before its infobox (right of a gutter), and its headings are headings.
    const blocks = blocksOf(doc)
    expect(blocks.filter((b) => b.type === 'heading').map((b) => b.text)).toEqual([
      'PDF.js',
      'History and application',
      'Behavior',
    ])
    expect(doc.text).toContain(
      'PDF.js is a JavaScript library that renders Portable Document Format (PDF) files using the web standards-compliant HTML5 Canvas.',
    )
    expect(doc.text.indexOf('depending on the features the document uses.')).toBeLessThan(
      doc.text.indexOf('Original author(s) Andreas Gal'),
    )
  })

  describe('unstructured/multi-column-2p.pdf', () => {
    const load = () => extractPdf(corpusFile('unstructured/multi-column-2p.pdf'), 'multi-column-2p.pdf')
    // Sentences that cross line breaks (and a hyphenated one), each within one column.
    const leftColumn = [
      'In this work, we show that retrieval can be practically implemented using dense representations alone, where embeddings are learned from a small number of questions and passages by a simple',
      'While early QA systems are often complicated and consist of multiple components (Ferrucci (2012); Moldovan et al. (2003), inter alia), the advances of reading comprehension models suggest a much simplified two-stage framework: (1) a context retriever first selects a small subset of passages where some of them contain the answer to the question, and then (2) a machine reader can thoroughly examine the retrieved contexts and identify the correct answer (Chen et al., 2017).',
      'Although reducing open-domain QA to machine reading is a very reasonable strategy, a huge performance degradation is often observed in practice',
      'Through a series of careful ablation studies, our final solution is surprisingly simple: the embedding is optimized for maximizing inner products of the question and relevant passage vectors, with an objective comparing all pairs of questions and passages in a batch.',
    ]
    const rightColumn = [
      'Consider the question “Who is the bad guy in lord of the rings?”, which can be answered from the context “Sala Baker is best known for portraying the villain Sauron in the Lord of the Rings trilogy.”',
      'A term-based system would have difficulty retrieving such a context, while a dense retrieval system would be able to better match “bad guy” with “villain” and fetch the correct context.',
      'With special in-memory data structures and indexing schemes, retrieval can be done efficiently using maximum inner product search (MIPS) algorithms (e.g., Shrivastava and Li (2014); Guo et al. (2016)).',
      'As a result, any open-domain QA system needs to include an efficient retriever component that can select a small set of relevant texts, before applying the reader to extract the answer (Chen et al., 2017).',
    ]

    it('keeps each column’s sentences whole', async () => {
      const doc = await load()
      expectWellFormed(doc)
      for (const sentence of [...leftColumn, ...rightColumn]) expect(doc.text).toContain(sentence)
    })

    it('does not interleave the columns', async () => {
      const doc = await load()
      const intro = blocksOf(doc).find((b) =>
        b.text.startsWith('Open-domain question answering (QA) (Voorhees,'),
      )
      expect(intro).toMatchObject({ type: 'paragraph', page: 1 })
      expect(intro!.text).toMatch(/indicating the needs of improving retrieval\.$/)
      for (const fromTheRight of ['Sala Baker', 'inverted index', 'ORQA', 'MIPS']) {
        expect(intro!.text).not.toContain(fromTheRight)
      }
      // Page 1 reads its left column through before the right one starts.
      expect(doc.text.indexOf('improving retrieval.')).toBeLessThan(
        doc.text.indexOf('Retrieval in open-domain QA'),
      )
    })

    it('carries a sentence across the column and page breaks, on the page where it starts', async () => {
      const doc = await load()
      const blocks = blocksOf(doc)
      const acrossPages = blocks.find((b) =>
        b.text.includes(
          'state-of-the-art results on multiple open-domain QA datasets, it also suffers from two weaknesses.',
        ),
      )
      expect(acrossPages?.page).toBe(1)
      expect(doc.text).toContain('More specifically, we assume the extractive QA setting,')
      // The sideways arXiv stamp is kept, apart from the body.
      expect(blocks[0]).toMatchObject({
        type: 'paragraph',
        text: 'arXiv:2004.04906v3 [cs.CL] 30 Sep 2020',
        page: 1,
      })
      expect(blocks.at(-1)!.page).toBe(2)
    })
  })

  it('unstructured/fake-memo.pdf: one paragraph per paragraph', async () => {
    const doc = await extractPdf(corpusFile('unstructured/fake-memo.pdf'), 'fake-memo.pdf')
    expectWellFormed(doc)
    expect(blocksOf(doc).map((b) => b.text)).toEqual([
      'May 5, 2023',
      'To Whom it May Concern:',
      'There were 20,000 bottles of water, 10,000 blankets, and 200 laptops delivered on January 23, 2023. A total of 3 trucks were used for 15 hours.',
      'Best Regards,',
      'Mallori',
    ])
    expect(doc.metadata.title).toBe('fake-memo')
    expect(doc.warnings).toEqual([])
  })

  it('issue918.pdf: reads the unmapped ligatures and quotes of a TeX font', async () => {
    const doc = await extractPdf(corpusFile('issue918.pdf'), 'issue918.pdf')
    expectWellFormed(doc)
    expect(doc.text).toContain('a means of distancing the signifier from the ordinary signified.')
    expect(doc.text).toContain('“excusatory function of ideology”')
    expect(doc.text).toContain('will not suffice to establish control.')
    // eslint-disable-next-line no-control-regex
    expect(doc.text).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/)
    expect(blocksOf(doc)[0]).toMatchObject({ type: 'heading', text: 'Ideology as ritual', page: 1 })
  })

  it('rotation.pdf: reads a page turned by /Rotate like any other', async () => {
    const doc = await extractPdf(corpusFile('rotation.pdf'), 'rotation.pdf')
    expectWellFormed(doc)
    expect(blocksOf(doc).map((b) => [b.page, b.text])).toEqual([
      [1, 'This is my first page with normal layout. This is the second line on the page.'],
      [2, 'This is my second page. It will have a landscape layout. Second line here.'],
    ])
    // Its Title is Word's placeholder, "Microsoft Word - Document1": no title at all is better.
    expect(doc.metadata).toMatchObject({ title: '', byline: 'brianc', published: '2008-09-15' })
  })

  it('a truncated PDF is damaged', async () => {
    const bytes = corpusFile('issue13201.pdf')
    const error = await rejection(extractPdf(bytes.slice(0, bytes.length / 2), 'half.pdf'))
    expect(error.code).toBe('pdf-corrupt')
    expect(error.message).toMatch(/^half\.pdf is damaged or truncated: /)
  })
})

describe('generated PDFs', () => {
  it('reads a minimal PDF set in a standard font', async () => {
    const doc = await extractPdf(buildPdf([textPage('Hello from a generated page.')]), 'hello.pdf')
    expect(doc.text).toBe('Hello from a generated page.')
    expect(doc.structure.blocks).toEqual([{ type: 'paragraph', start: 0, end: doc.text.length, page: 1 }])
    expect(doc.metadata).toEqual({ title: '', byline: '', siteName: '', published: '', url: '' })
    expect(doc.structure.lang).toBe('')
  })

  it('accepts junk before the header', async () => {
    const doc = await extractPdf(buildPdf([textPage('Still a PDF.')], { junk: 'X'.repeat(500) }), 'junk.pdf')
    expect(doc.text).toBe('Still a PDF.')
  })

  it('warns about pages without text', async () => {
    const doc = await extractPdf(
      buildPdf([textPage('Page one.'), null, null, textPage('Page four.'), null]),
      'gaps.pdf',
    )
    expect(blocksOf(doc).map((b) => [b.page, b.text])).toEqual([
      [1, 'Page one.'],
      [4, 'Page four.'],
    ])
    expect(doc.warnings).toEqual(['pages 2-3, 5 have no text layer (scanned images are not read).'])
  })

  it('refuses random bytes', async () => {
    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251)
    const error = await rejection(extractPdf(random, 'random.pdf'))
    expect(error.code).toBe('not-pdf')
    expect(error.message).toContain('random.pdf')
  })

  it('refuses a header more than 1 KB in', async () => {
    const error = await rejection(
      extractPdf(buildPdf([textPage('Late.')], { junk: ' '.repeat(1100) }), 'late.pdf'),
    )
    expect(error.code).toBe('not-pdf')
  })

  it('refuses a file over the size limit before parsing it', async () => {
    const bytes = new Uint8Array(MAX_PDF_BYTES + 1)
    bytes.set(new TextEncoder().encode('%PDF-1.4\n'))
    const error = await rejection(extractPdf(bytes, 'huge.pdf'))
    expect(error.code).toBe('too-large')
  })

  it('reports a PDF without a text layer', async () => {
    const error = await rejection(extractPdf(buildPdf([null]), 'scan.pdf'))
    expect(error.code).toBe('pdf-no-text')
    expect(error.message).toMatch(/^scan\.pdf has no text layer \(is it a scan\?\); /)
  })

  it('reports a password-protected PDF', async () => {
    // Standard security handler R2 (RC4) with O and U entries no password opens: pdf.js tries the
    // empty user password, fails the check, and asks for one.
    const encrypt = `<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -4 >>`
    const error = await rejection(extractPdf(buildPdf([textPage('Secret.')], { encrypt }), 'locked.pdf'))
    expect(error.code).toBe('pdf-encrypted')
    expect(error.message).toMatch(/^locked\.pdf is password-protected; /)
  })

  it('reports garbage after a valid header as damaged', async () => {
    const error = await rejection(extractPdf(new TextEncoder().encode('%PDF-1.7\nnothing else'), 'bad.pdf'))
    expect(error.code).toBe('pdf-corrupt')
  })

  it('does not detach the caller’s buffer', async () => {
    const bytes = buildPdf([textPage('Mine.')])
    await extractPdf(bytes, 'mine.pdf')
    expect(bytes.byteLength).toBeGreaterThan(0)
    expect(await extractPdf(bytes, 'mine.pdf')).toMatchObject({ text: 'Mine.' })
  })
})

describe('helpers', () => {
  it('finds the header within the first kilobyte', () => {
    const encode = (s: string) => new TextEncoder().encode(s)
    expect(hasPdfHeader(encode('%PDF-1.7'))).toBe(true)
    expect(hasPdfHeader(encode(`${'x'.repeat(1024)}%PDF-1.7`))).toBe(true)
    expect(hasPdfHeader(encode(`${'x'.repeat(1025)}%PDF-1.7`))).toBe(false)
    expect(hasPdfHeader(encode('%PDF'))).toBe(false)
  })

  it('maps pdf.js exceptions by name', () => {
    const named = (name: string, message: string) => Object.assign(new Error(message), { name })
    expect(explainPdfError(named('PasswordException', 'No password given'), 'a.pdf')).toMatchObject({
      code: 'pdf-encrypted',
    })
    expect(explainPdfError(named('InvalidPDFException', 'Invalid PDF structure.'), 'a.pdf')).toMatchObject({
      code: 'pdf-corrupt',
      message: 'a.pdf is damaged or truncated: Invalid PDF structure.',
    })
    expect(explainPdfError(named('UnknownErrorException', 'Bad XRef entry'), 'a.pdf')).toMatchObject({
      code: 'pdf-corrupt',
    })
    const setup = new Error('Setting up fake worker failed: "Cannot find module"')
    expect(explainPdfError(setup, 'a.pdf')).toBe(setup)
  })

  it('reads PDF dates as the writer wrote them', () => {
    expect(pdfDateToIso("D:20210522201210+02'00'")).toBe('2021-05-22')
    expect(pdfDateToIso('D:20081231235959-08')).toBe('2008-12-31')
    expect(pdfDateToIso('20230516')).toBe('2023-05-16')
    expect(pdfDateToIso('D:2023')).toBe('')
    expect(pdfDateToIso('D:20230230')).toBe('')
    expect(pdfDateToIso(undefined)).toBe('')
  })

  it('drops placeholder titles', () => {
    expect(cleanPdfTitle('PDF.js - Wikipedia')).toBe('PDF.js - Wikipedia')
    expect(cleanPdfTitle('Microsoft Word - Budget review 2024')).toBe('Budget review 2024')
    expect(cleanPdfTitle('Microsoft Word - Document1')).toBe('')
    expect(cleanPdfTitle('Microsoft Word - report-final.docx')).toBe('')
    expect(cleanPdfTitle('untitled')).toBe('')
    expect(cleanPdfTitle('  ')).toBe('')
    expect(cleanPdfTitle(42)).toBe('')
  })

  it('names pages compactly', () => {
    expect(describePages([3])).toBe('page 3')
    expect(describePages([3, 4])).toBe('pages 3-4')
    expect(describePages([1, 5, 6, 7, 9])).toBe('pages 1, 5-7, 9')
  })

  it('maps TeX’s unmapped codes and drops other control characters', () => {
    expect(cleanPdfText('signi\u001cer, su\u001ece, \u0010quoted\u0011')).toBe('signifier, suffice, “quoted”')
    expect(cleanPdfText('a\u0000b\u0007c\td')).toBe('abc\td')
  })
})
