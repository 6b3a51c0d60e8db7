/**
 * The PDF importer: loads a PDF with pdf.js (the legacy build, which runs in Node with an in-process
 * "fake" worker), lays out each page's text layer into paragraphs (pdf-layout.ts) and reads the
 * metadata the file declares. Scripting and eval stay off: a PDF is untrusted input. pdf.js itself is
 * loaded on the first PDF (pdfjs-loader.ts), so nothing else in the import worker depends on it.
 */
import { join } from 'node:path'
import type { PDFDocumentProxy, TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api'
import { DomainError } from '../domain-error'
import {
  DocumentBuilder,
  EMPTY_METADATA,
  type ExtractedDocument,
  type ExtractedMetadata,
} from './extracted-document'
import { joinGroups, type LaidOutParagraph, layoutPage, type TextRun } from './pdf-layout'
import { loadPdfJs, PDFJS_DIR, type PdfJs } from './pdfjs-loader'

/** Larger files are refused before parsing: pdf.js holds the whole file, and more, in memory. */
export const MAX_PDF_BYTES = 50 * 1024 * 1024

/** Some writers put junk (a mail header, a BOM) before the header; readers allow up to 1 KB. */
const HEADER_SEARCH_BYTES = 1024

/**
 * pdf.js's own data folders, read from disk by path: the metrics of the 14 standard fonts that
 * PDFs may use without embedding, and the CMaps of CJK fonts. Never fetched from the network.
 */
const STANDARD_FONTS = `${join(PDFJS_DIR, 'standard_fonts')}/`
const CMAPS = `${join(PDFJS_DIR, 'cmaps')}/`

export function hasPdfHeader(bytes: Uint8Array): boolean {
  const window = bytes.subarray(0, HEADER_SEARCH_BYTES + 5)
  const signature = [0x25, 0x50, 0x44, 0x46, 0x2d] // %PDF-
  for (let i = 0; i + signature.length <= window.length; i++) {
    if (signature.every((byte, k) => window[i + k] === byte)) return true
  }
  return false
}

/**
 * Maps what pdf.js threw while opening a file to what the analyst can act on. pdf.js rebuilds its
 * exceptions on this side of its worker, so they are told apart by name, not class.
 */
export function explainPdfError(error: unknown, fileName: string): Error {
  const name = (error as { name?: unknown } | null)?.name
  const message = error instanceof Error ? error.message : String(error)
  if (name === 'PasswordException') {
    return new DomainError(
      'pdf-encrypted',
      `${fileName} is password-protected; remove the password (e.g. print it to a new PDF) and import that copy.`,
    )
  }
  // Our own setup failing is not the file's fault: let it surface as an internal error.
  if (/fake worker/i.test(message)) return error instanceof Error ? error : new Error(message)
  return new DomainError('pdf-corrupt', `${fileName} is damaged or truncated: ${message}`)
}

/**
 * Characters some TeX fonts leave unmapped: without a Unicode table, pdf.js reports their raw codes.
 * In the T1 ("Cork") encoding of most LaTeX PDFs these codes are the quotes and ligatures below;
 * any other control character is noise from a font's private encoding and is dropped.
 */
const UNMAPPED_TEX_CODES: Record<string, string> = {
  '\u0010': '\u201c',
  '\u0011': '\u201d',
  '\u001b': 'ff',
  '\u001c': 'fi',
  '\u001d': 'fl',
  '\u001e': 'ffi',
  '\u001f': 'ffl',
}

// Tab, line feed and carriage return are whitespace, folded later like any other.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g

export function cleanPdfText(text: string): string {
  return text.replace(CONTROL_CHARACTERS, (code) => UNMAPPED_TEX_CODES[code] ?? '')
}

function isTextItem(item: TextItem | TextMarkedContent): item is TextItem {
  return 'str' in item
}

/** "page 3", "pages 3-4", "pages 1, 5-7". */
export function describePages(pages: readonly number[]): string {
  const ranges: string[] = []
  for (let i = 0; i < pages.length;) {
    let j = i
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++
    ranges.push(i === j ? `${pages[i]}` : `${pages[i]}-${pages[j]}`)
    i = j + 1
  }
  return `${pages.length === 1 ? 'page' : 'pages'} ${ranges.join(', ')}`
}

/** `D:YYYYMMDDHHmmSS…` → YYYY-MM-DD, as written (the writer's own date, not shifted to UTC). */
export function pdfDateToIso(value: unknown): string {
  if (typeof value !== 'string') return ''
  const match = /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(value.trim())
  if (!match) return ''
  const [, year, month, day] = match.map(Number) as [number, number, number, number]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (year < 1000 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return ''
  return `${match[1]}-${match[2]}-${match[3]}`
}

/**
 * A declared title, unless it is a word processor's placeholder: "Microsoft Word - Document1",
 * "Untitled", a file name. The caller then suggests one from the text.
 */
export function cleanPdfTitle(value: unknown): string {
  if (typeof value !== 'string') return ''
  const title = cleanPdfText(value)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^Microsoft (?:Word|PowerPoint|Excel) - /i, '')
  if (/^(?:untitled|document\s*\d*|presentation\s*\d*|book\s*\d*)$/i.test(title)) return ''
  if (/\.(?:docx?|pdf|tex|dvi|ps|rtf|odt|pages|indd|txt|html?)$/i.test(title)) return ''
  return title.slice(0, 1000)
}

function cleanField(value: unknown, max: number): string {
  return typeof value === 'string' ? cleanPdfText(value).replace(/\s+/g, ' ').trim().slice(0, max) : ''
}

/** The catalogue's /Lang, if it is a plausible BCP 47 tag. */
function languageOf(value: unknown): string {
  const lang = cleanField(value, 35)
  return /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/.test(lang) ? lang : ''
}

async function readMetadata(doc: PDFDocumentProxy): Promise<{ metadata: ExtractedMetadata; lang: string }> {
  try {
    const { info, metadata: xmp } = await doc.getMetadata()
    const fields = info as Record<string, unknown>
    // XMP is Unicode and often more careful than the Info dictionary; pdf.js's viewer prefers it too.
    const title = cleanPdfTitle(xmp?.get('dc:title')) || cleanPdfTitle(fields.Title)
    return {
      metadata: {
        ...EMPTY_METADATA,
        title,
        byline: cleanField(fields.Author, 500),
        published: pdfDateToIso(fields.CreationDate),
      },
      lang: languageOf(fields.Language),
    }
  } catch {
    // Metadata is a nicety: a broken Info dictionary must not cost the analyst the text.
    return { metadata: EMPTY_METADATA, lang: '' }
  }
}

async function readPage(
  doc: PDFDocumentProxy,
  pageNumber: number,
  util: PdfJs['Util'],
): Promise<LaidOutParagraph[]> {
  const page = await doc.getPage(pageNumber)
  try {
    // Display space (y down, /Rotate applied) is where "above", "left of" and "next line" mean
    // what a reader sees.
    const viewport = page.getViewport({ scale: 1 })
    const content = await page.getTextContent()
    const runs: TextRun[] = content.items.filter(isTextItem).map((item) => ({
      text: cleanPdfText(item.str),
      transform: util.transform(viewport.transform, item.transform) as number[],
      width: item.width,
      dir: item.dir,
    }))
    return layoutPage(runs)
  } finally {
    page.cleanup()
  }
}

export async function extractPdf(bytes: Uint8Array, fileName: string): Promise<ExtractedDocument> {
  if (bytes.byteLength > MAX_PDF_BYTES) {
    throw new DomainError(
      'too-large',
      `${fileName} is larger than ${MAX_PDF_BYTES / 1024 / 1024} MB, the limit for PDF files.`,
    )
  }
  if (!hasPdfHeader(bytes)) {
    throw new DomainError('not-pdf', `${fileName} is not a PDF file (it does not start with %PDF-).`)
  }
  const pdfjs = await loadPdfJs()
  const task = pdfjs.getDocument({
    // A copy: pdf.js transfers (detaches) the buffer it is given.
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    disableAutoFetch: true,
    disableStream: true,
    stopAtErrors: false,
    verbosity: 0,
    standardFontDataUrl: STANDARD_FONTS,
    cMapUrl: CMAPS,
    cMapPacked: true,
  })
  try {
    let doc: PDFDocumentProxy
    try {
      doc = await task.promise
    } catch (error) {
      throw explainPdfError(error, fileName)
    }
    const pages: Array<Array<LaidOutParagraph & { page: number }>> = []
    const empty: number[] = []
    const failed: number[] = []
    let firstFailure = ''
    for (let page = 1; page <= doc.numPages; page++) {
      let laidOut: LaidOutParagraph[]
      try {
        laidOut = await readPage(doc, page, pdfjs.Util)
      } catch (error) {
        // One damaged page (a broken content stream) should not lose the others.
        failed.push(page)
        firstFailure ||= error instanceof Error ? error.message : String(error)
        continue
      }
      if (laidOut.length === 0) empty.push(page)
      pages.push(laidOut.map((paragraph) => ({ ...paragraph, page })))
    }
    // A paragraph cut by a page break is one paragraph, on the page where it starts.
    const paragraphs = joinGroups(pages)
    if (paragraphs.length === 0) {
      if (failed.length > 0) throw explainPdfError(new Error(firstFailure), fileName)
      throw new DomainError(
        'pdf-no-text',
        `${fileName} has no text layer (is it a scan?); run it through OCR first, then import the result.`,
      )
    }
    const builder = new DocumentBuilder()
    for (const paragraph of paragraphs) {
      const options =
        paragraph.kind === 'heading'
          ? { level: paragraph.level ?? 2, page: paragraph.page }
          : { page: paragraph.page }
      builder.addBlock(paragraph.kind, paragraph.text, options)
    }
    const { metadata, lang } = await readMetadata(doc)
    const warnings: string[] = []
    if (empty.length > 0) {
      warnings.push(
        `${describePages(empty)} ${empty.length === 1 ? 'has' : 'have'} no text layer (scanned images are not read).`,
      )
    }
    if (failed.length > 0) {
      warnings.push(
        `${describePages(failed)} could not be read and ${failed.length === 1 ? 'was' : 'were'} skipped.`,
      )
    }
    const { text, structure } = builder.build(lang, 'auto')
    return { text, structure, metadata, warnings }
  } finally {
    await task.destroy()
  }
}
