/**
 * Deterministic pseudo-random numbers in [0, 1) (mulberry32): a benchmark builds the same notebook
 * every run, and a failing randomised test can be replayed step for step. Test and bench code only.
 */
export function seededRandom(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
