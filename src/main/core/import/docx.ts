/**
 * Word (.docx) import: the zip is vetted for bombs first, then mammoth turns the document body into
 * HTML (headers, footers and comments are left out: they are page furniture and margin talk, not
 * the text being quoted), and that HTML becomes blocks. Mammoth never touches the file system here:
 * it gets bytes, not a path, external file access is off, and images are dropped unread.
 */
import mammoth from 'mammoth'
import { DomainError } from '../domain-error'
import { addDocxBlocks } from './docx-blocks'
import { promoteVisualHeadings } from './docx-headings'
import { readDocxMetadata } from './docx-metadata'
import { DocumentBuilder, type ExtractedDocument } from './extracted-document'
import { checkZipSafe } from './zip-guard'

export const MAX_DOCX_BYTES = 50 * 1024 * 1024
const MAX_WARNINGS = 5

/** Word's own styles that mammoth's default map leaves as plain paragraphs. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
]

const MAMMOTH_OPTIONS = {
  styleMap: STYLE_MAP,
  // A linked (not embedded) image names a file on the analyst's disk or network; never open it.
  externalFileAccess: false,
  // Text is what gets quoted; an image's bytes are never read (an empty src costs nothing).
  convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
  transformDocument: promoteVisualHeadings,
}

/** The compound-file signature of legacy .doc files and of password-protected Office documents. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

function isOleFile(bytes: Uint8Array): boolean {
  return OLE_SIGNATURE.every((byte, i) => bytes[i] === byte)
}

/** Mammoth's errors carry xmldom prefixes and position noise; keep the first line's substance. */
function mammothFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const line = (message.split('\n')[0] ?? '').replace(/^error:\s*/i, '').replace(/\[xmldom error\]\s*/i, '')
  if (/main document part|body element/i.test(line)) return 'it has no document body (word/document.xml).'
  return line.trim() || 'its contents could not be parsed.'
}

/** Mammoth's messages that matter to an analyst: not ones about images, which we drop anyway. */
function mammothWarnings(messages: ReadonlyArray<{ message: string }>): string[] {
  return messages.map((m) => m.message.trim()).filter((m) => m !== '' && !/^Image of type/i.test(m))
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

export async function extractDocx(bytes: Uint8Array, fileName: string): Promise<ExtractedDocument> {
  if (bytes.byteLength > MAX_DOCX_BYTES) {
    throw new DomainError(
      'too-large',
      `${fileName} is larger than the ${MAX_DOCX_BYTES / 1024 / 1024} MB limit for Word documents.`,
    )
  }
  if (isOleFile(bytes)) {
    throw new DomainError(
      'not-docx',
      `${fileName} is an older Word (.doc) file or a password-protected document. Save it from Word as an unprotected .docx and import that.`,
    )
  }
  await checkZipSafe(bytes, fileName)

  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      MAMMOTH_OPTIONS,
    )
  } catch (error) {
    throw new DomainError(
      'docx-corrupt',
      `${fileName} is not a readable Word document: ${mammothFailure(error)}`,
    )
  }

  const builder = new DocumentBuilder()
  const summary = addDocxBlocks(result.value, builder)
  if (builder.textLength === 0) throw new DomainError('empty-source', `${fileName} has no text.`)

  const notices: string[] = []
  const notes = [
    ...(summary.footnotes > 0 ? [plural(summary.footnotes, 'footnote')] : []),
    ...(summary.endnotes > 0 ? [plural(summary.endnotes, 'endnote')] : []),
  ]
  if (notes.length > 0) notices.push(`${notes.join(' and ')} kept after the body, numbered as in the text.`)
  if (summary.images > 0) notices.push(`${plural(summary.images, 'image')} left out: only text is imported.`)
  const warnings = [...new Set([...notices, ...mammothWarnings(result.messages)])].slice(0, MAX_WARNINGS)

  const metadata = await readDocxMetadata(bytes)
  return { ...builder.build(), metadata, warnings }
}
