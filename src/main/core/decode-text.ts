/**
 * Turns a text file's bytes into the text we store. Honours a BOM (UTF-8, UTF-16 LE/BE); without
 * one the bytes must be valid UTF-8: invalid bytes are reported, never replaced with U+FFFD, so a
 * quote can never cite a character the file did not have. Line ends become \n.
 */
import { DomainError } from './domain-error'

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be'

function sniffBom(bytes: Uint8Array): { encoding: Encoding; skip: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 }
  return { encoding: 'utf-8', skip: 0 }
}

export function decodeText(bytes: Uint8Array, fileName: string): string {
  const { encoding, skip } = sniffBom(bytes)
  let text: string
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(skip))
  } catch {
    throw new DomainError(
      'invalid-encoding',
      `${fileName} is not valid ${encoding.toUpperCase()} text. Save it as UTF-8 and import it again.`,
    )
  }
  if (text.includes('\u0000')) {
    throw new DomainError('binary-file', `${fileName} looks like a binary file, not text.`)
  }
  return normalizeLineEnds(text)
}

export function normalizeLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n')
}
