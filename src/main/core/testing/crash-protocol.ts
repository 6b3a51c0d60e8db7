/**
 * What the crash test's child (save-forever.ts) and the test agree on. The child prints one line
 * `ack <id> <n>` only after save number n resolved; everything that save wrote is a pure function of
 * the child's generation and n, so the test knows what must be on disk without being told.
 */

/** A save's version: the generation of the child that made it, then its number within that child. */
export interface SaveVersion {
  generation: number
  n: number
}

export function ackLine(id: string, n: number): string {
  return `ack ${id} ${n}\n`
}

export function parseAck(line: string): { id: string; n: number } | null {
  const match = /^ack (\S+) (\d+)$/.exec(line)
  return match ? { id: match[1]!, n: Number(match[2]) } : null
}

/** The comment save (generation, n) writes: the version is readable back from the notebook. */
export function commentFor({ generation, n }: SaveVersion): string {
  return `saved by child ${generation}, save ${n}`
}

export function versionOf(comment: string): SaveVersion | null {
  const match = /^saved by child (\d+), save (\d+)$/.exec(comment)
  return match ? { generation: Number(match[1]), n: Number(match[2]) } : null
}

/** Negative, zero or positive as a is older than, the same as, or newer than b. */
export function compareVersions(a: SaveVersion, b: SaveVersion): number {
  return a.generation - b.generation || a.n - b.n
}

/** The tags save (generation, n) gives its annotation: a few names, so tags change between saves. */
export function tagsFor({ n }: SaveVersion): string[] {
  return [`batch ${n % 4}`]
}

/** Where a created annotation sits: spread over the text, deterministic, 10-60 code units long. */
export function rangeFor({ generation, n }: SaveVersion, textLength: number): { start: number; end: number } {
  const mix = Math.imul(generation * 7919 + n, 2654435761) >>> 0
  const length = 10 + (mix % 51)
  const start = (mix >>> 8) % Math.max(1, textLength - length)
  return { start, end: Math.min(textLength, start + length) }
}
