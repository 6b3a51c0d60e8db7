/**
 * Flags near-duplicate sources: the same wire story run by two outlets, a re-saved page. Texts are
 * compared by the Jaccard similarity of their word 5-gram shingles; fingerprints are kept in memory
 * per text hash, so each text is shingled once per session.
 */
import type { NearDuplicate } from '../../shared/model'

export const NEAR_DUPLICATE_THRESHOLD = 0.5
const SHINGLE_WORDS = 5

/** A 32-bit FNV-1a hash: shingles only need to be told apart, not kept secret. */
function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

export function fingerprint(text: string): Set<number> {
  const words = text.toLocaleLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  const shingles = new Set<number>()
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++)
    shingles.add(hash(words.slice(i, i + SHINGLE_WORDS).join(' ')))
  if (shingles.size === 0 && words.length > 0) shingles.add(hash(words.join(' ')))
  return shingles
}

export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 || b.size === 0) return 0
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let shared = 0
  for (const item of small) if (large.has(item)) shared++
  return shared / (a.size + b.size - shared)
}

export class NearDuplicateIndex {
  private readonly prints = new Map<string, Set<number>>()

  /** Sources (id + text hash) whose text is at least `threshold` similar to `text`, most similar first. */
  async find(
    text: string,
    candidates: ReadonlyArray<{ id: string; textSha256: string }>,
    readText: (textSha256: string) => Promise<string>,
    threshold = NEAR_DUPLICATE_THRESHOLD,
  ): Promise<NearDuplicate[]> {
    const mine = fingerprint(text)
    const found: NearDuplicate[] = []
    for (const candidate of candidates) {
      let theirs = this.prints.get(candidate.textSha256)
      if (!theirs) {
        theirs = fingerprint(await readText(candidate.textSha256).catch(() => ''))
        this.prints.set(candidate.textSha256, theirs)
      }
      const similarity = jaccard(mine, theirs)
      if (similarity >= threshold)
        found.push({ sourceId: candidate.id, similarity: Math.round(similarity * 100) / 100 })
    }
    return found.sort((a, b) => b.similarity - a.similarity)
  }
}
