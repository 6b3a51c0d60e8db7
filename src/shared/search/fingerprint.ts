/**
 * A 53-bit hash of the values an item was indexed with (cyrb53: fast, well mixed, pure JS), so a
 * saved index can tell on open which items changed without keeping their texts. A collision would
 * leave one item's old words indexed: at 2^-53 per changed item, not a practical risk.
 */
const SEPARATOR = '\u0000'

export function fingerprint(values: readonly string[]): string {
  const text = values.join(SEPARATOR)
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ code, 2654435761)
    h2 = Math.imul(h2 ^ code, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)
}
