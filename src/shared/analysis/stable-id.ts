/** Short ids that stay the same from run to run for the same input (FNV-1a, 32 bits, in hex). */
export function stableId(prefix: string, ...parts: string[]): string {
  let hash = 0x811c9dc5
  for (const char of parts.join('\u0000')) {
    hash ^= char.codePointAt(0) ?? 0
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return `${prefix}-${hash.toString(16).padStart(8, '0')}`
}
