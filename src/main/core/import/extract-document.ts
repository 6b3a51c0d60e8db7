/**
 * Picks the extractor for a file by its name, and returns its text, structure and metadata. Heavy
 * formats run inside the import worker (see import-worker.ts), never on main's event loop.
 */
import type { DocumentStructure, SourceFormat } from '../../../shared/model'
import { DomainError } from '../domain-error'
import { extractDocx } from './docx'
import type { ExtractedDocument } from './extracted-document'
import { extractPlainText } from './extract-plain-text'
import { formatOf, SUPPORTED_EXTENSIONS } from './formats'
import { extractHtml } from './html'
import { extractPdf } from './pdf'

export interface ExtractRequest {
  name: string
  bytes: Uint8Array
  /** The address an imported web page was fetched from. */
  url?: string
}

export interface Extraction extends Omit<ExtractedDocument, 'structure'> {
  format: SourceFormat
  /** Null for plain text, which is read as one paragraph per line. */
  structure: DocumentStructure | null
}

export function unsupported(name: string): DomainError {
  const supported = SUPPORTED_EXTENSIONS.join(', ')
  return new DomainError(
    'unsupported-format',
    `${name}: this kind of file cannot be imported (supported: ${supported}).`,
  )
}

export async function extractDocument(request: ExtractRequest): Promise<Extraction> {
  const { name, bytes } = request
  const format = formatOf(name)
  switch (format) {
    case null:
      throw unsupported(name)
    case 'html':
      return { format, ...extractHtml(bytes, name, request.url ? { url: request.url } : {}) }
    case 'pdf':
      return { format, ...(await extractPdf(bytes, name)) }
    case 'docx':
      return { format, ...(await extractDocx(bytes, name)) }
    case 'paste':
      return extractPlainText(bytes, name, 'txt')
    default:
      return extractPlainText(bytes, name, format)
  }
}
