/** Plain text and Markdown: decoded in place (cheap, and nothing in text can run). */
import { decodeText } from '../decode-text'
import { DomainError } from '../domain-error'
import { EMPTY_METADATA } from './extracted-document'
import type { Extraction } from './extract-document'

export function extractPlainText(bytes: Uint8Array, name: string, format: 'txt' | 'md'): Extraction {
  // Stored exactly as decoded (no whitespace folding): its lines are its paragraphs.
  const text = decodeText(bytes, name)
  if (text.trim().length === 0) throw new DomainError('empty-source', `${name} has no text to import.`)
  return { format, text, structure: null, metadata: EMPTY_METADATA, warnings: [] }
}
