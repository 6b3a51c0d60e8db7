/**
 * Turns a saved web page's bytes into a string the way a browser would pick the encoding: a BOM
 * wins, then a charset the page declares in its first bytes, then UTF-8 if the bytes are valid
 * UTF-8, else windows-1252. Refuses files that are too big or are plainly not text, before jsdom
 * ever sees them.
 */
import { DomainError } from '../domain-error'

/** Bigger than any real article page; beyond this jsdom's memory use gets out of hand. */
export const MAX_HTML_BYTES = 15 * 1024 * 1024

/** How much of the start we inspect: the spec prescans 1024 bytes, but CMS headers can be long. */
const SNIFF_BYTES = 8192

export interface DecodedHtml {
  html: string
  /** The WHATWG name of the encoding used. */
  encoding: string
  warnings: string[]
}

function sniffBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return null
}

/** One char per byte, so regexes over ASCII markup work whatever the real encoding is. */
function latin1(bytes: Uint8Array): string {
  let out = ''
  for (const byte of bytes) out += String.fromCharCode(byte)
  return out
}

/**
 * Text, even in odd encodings, has almost no C0 controls besides tab, newlines and form feed; a NUL
 * never appears in HTML. Images, archives and executables are full of both.
 */
function looksBinary(sample: string): boolean {
  let controls = 0
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i)
    if (code === 0) return true
    // Tab, LF, FF and CR are ordinary in HTML; the rest of C0 and DEL are not.
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f)
      controls++
  }
  return controls > sample.length * 0.05
}

/** The charset a `<meta charset>` or `<meta http-equiv="content-type">` (or an XML declaration) names. */
function declaredCharset(head: string): string | null {
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)
  if (meta?.[1]) return meta[1]
  const xml = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)
  return xml?.[1] ?? null
}

/** Resolves a declared label as the HTML spec does, or null if TextDecoder does not know it. */
function resolveLabel(label: string): string | null {
  try {
    const encoding = new TextDecoder(label).encoding
    // A page that says UTF-16 in ASCII bytes cannot be UTF-16; browsers read it as UTF-8.
    if (encoding === 'utf-16le' || encoding === 'utf-16be') return 'utf-8'
    return encoding
  } catch {
    // x-user-defined (not in Node's ICU) is the one real label browsers read as windows-1252.
    return label.toLowerCase() === 'x-user-defined' ? 'windows-1252' : null
  }
}

/** What windows-1252 puts at 0x80-0x9F, where it differs from ISO-8859-1 (WHATWG Encoding table). */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

/**
 * Decodes with the named encoding. Node 20's TextDecoder reads windows-1252 (and its aliases
 * iso-8859-1, ascii, ...) as ISO-8859-1, turning curly quotes into C1 controls, so we map 0x80-0x9F
 * ourselves; this stays correct on Node versions where the decoder is fixed.
 */
function decode(bytes: Uint8Array, encoding: string, fatal = false): string {
  if (encoding !== 'windows-1252') return new TextDecoder(encoding, { fatal }).decode(bytes)
  return new TextDecoder('latin1')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c)
}

function notHtml(fileName: string): DomainError {
  return new DomainError('not-html', `${fileName} is not a web page: it looks like binary data.`)
}

export function decodeHtml(bytes: Uint8Array, fileName: string): DecodedHtml {
  if (bytes.length > MAX_HTML_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1)
    throw new DomainError(
      'too-large',
      `${fileName} is too large to import as a web page (${mb} MB; the limit is ${MAX_HTML_BYTES / 1024 / 1024} MB).`,
    )
  }
  const warnings: string[] = []
  const bom = sniffBom(bytes)
  if (bom) {
    // UTF-16 is full of NUL bytes, so check the decoded text instead of the bytes.
    const html = decode(bytes, bom)
    if (looksBinary(html.slice(0, SNIFF_BYTES))) throw notHtml(fileName)
    return { html, encoding: bom, warnings }
  }

  const head = latin1(bytes.subarray(0, SNIFF_BYTES))
  if (looksBinary(head)) throw notHtml(fileName)

  const label = declaredCharset(head)
  let encoding = label ? resolveLabel(label) : null
  if (label && !encoding)
    warnings.push(`The page declares an unknown character set "${label}"; read as UTF-8.`)
  if (!encoding) {
    try {
      return { html: decode(bytes, 'utf-8', true), encoding: 'utf-8', warnings }
    } catch {
      if (label) encoding = 'utf-8'
      else {
        // Browsers fall back to the locale's legacy encoding for undeclared pages; windows-1252 is
        // what they use for Western pages, and it maps every byte, so nothing is lost or invented.
        warnings.push('The page declares no character set and is not valid UTF-8; read as windows-1252.')
        return { html: decode(bytes, 'windows-1252'), encoding: 'windows-1252', warnings }
      }
    }
  }
  // A declared encoding is what the page's own browser used, replacement characters included; we
  // say so rather than refuse, since the rest of the page is still readable.
  let html: string
  try {
    html = decode(bytes, encoding, true)
  } catch {
    html = decode(bytes, encoding)
    warnings.push(`Some bytes are not valid ${encoding}; they were replaced with "\uFFFD".`)
  }
  return { html, encoding, warnings }
}
