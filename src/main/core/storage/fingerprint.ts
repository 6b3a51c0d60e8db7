/**
 * What the store last saw of each file it read or wrote. Before replacing a file it checks the file
 * still looks that way, so a change made by another program is noticed instead of written over.
 */
import { stat } from 'node:fs/promises'

export interface Fingerprint {
  mtimeMs: number
  size: number
}

/** The file's fingerprint now, or null if it does not exist. */
export async function fingerprintOf(path: string): Promise<Fingerprint | null> {
  try {
    const stats = await stat(path)
    return { mtimeMs: stats.mtimeMs, size: stats.size }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

export function sameFingerprint(
  a: Fingerprint | null | undefined,
  b: Fingerprint | null | undefined,
): boolean {
  if (!a || !b) return !a && !b
  return a.mtimeMs === b.mtimeMs && a.size === b.size
}
