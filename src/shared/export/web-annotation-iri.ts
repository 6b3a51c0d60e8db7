/**
 * Identifiers for the Web Annotation export. The W3C test suite checks every id and source with JSON
 * Schema's "uri" format, so everything here yields plain ASCII URIs (RFC 3986), not wider IRIs.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** Scheme, then only characters a URI may hold; escapes are checked separately. */
const ABSOLUTE_URI = /^[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/
const BAD_ESCAPE = /%(?![0-9A-Fa-f]{2})/
const SHA256_HEX = /^[0-9a-f]{64}$/
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** `urn:uuid:…` (RFC 4122) for a UUID, the form the app's ids take; null for anything else. */
export function uuidUrn(id: string): string | null {
  return UUID.test(id) ? `urn:uuid:${id.toLowerCase()}` : null
}

export function isAbsoluteUri(value: string): boolean {
  return ABSOLUTE_URI.test(value) && !BAD_ESCAPE.test(value)
}

/** Percent-encode all but unreserved characters, e.g. to put an arbitrary id in a fragment. */
export function percentEncode(value: string): string {
  // With the u flag a lone surrogate matches alone; encodeURIComponent would throw on it.
  return value.replace(/[^A-Za-z0-9\-._~]/gu, (char) =>
    encodeURIComponent(char.length === 1 && isSurrogate(char.charCodeAt(0)) ? '\uFFFD' : char),
  )
}

/**
 * An http(s) address as a URI, or null for anything else (empty, relative, file:, javascript:...).
 * WHATWG URL parsing punycodes the host and escapes most of the rest; a few characters it leaves bare
 * (| ^ ` and stray %) are not URI characters, so they are escaped here.
 */
export function httpUri(address: string): string | null {
  let url: URL
  try {
    url = new URL(address)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  const href = url.href
    .replace(/%(?![0-9A-Fa-f]{2})/g, '%25')
    .replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu, (char) => percentEncode(char))
  return isAbsoluteUri(href) ? href : null
}

/**
 * The RFC 6920 Named Information URI of a SHA-256 digest (`ni:///sha-256;<base64url>`): a registered
 * scheme that names content by its hash, which is exactly what a stored text is.
 */
export function sha256NiUri(hex: string): string {
  if (!SHA256_HEX.test(hex)) throw new RangeError(`not a SHA-256 hex digest: ${hex}`)
  const bytes: number[] = []
  for (let at = 0; at < hex.length; at += 2) bytes.push(parseInt(hex.slice(at, at + 2), 16))
  return `ni:///sha-256;${base64url(bytes)}`
}

/** Unpadded base64url (RFC 4648 section 5), as RFC 6920 requires. */
function base64url(bytes: readonly number[]): string {
  let out = ''
  for (let at = 0; at < bytes.length; at += 3) {
    const chunk = ((bytes[at] ?? 0) << 16) | ((bytes[at + 1] ?? 0) << 8) | (bytes[at + 2] ?? 0)
    const chars = Math.min(4, Math.ceil(((bytes.length - at) * 8) / 6))
    for (let k = 0; k < chars; k++) out += BASE64URL[(chunk >> (18 - 6 * k)) & 63]
  }
  return out
}

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff
}
