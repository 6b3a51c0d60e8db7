/** Where the shared corpus is, for benchmarks (same rule as the tests: CORPUS_DIR or ../shared/corpus). */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const CORPUS_DIR =
  process.env['CORPUS_DIR'] ?? resolve(import.meta.dirname, '..', '..', 'shared', 'corpus')

export function corpusPath(...parts: string[]): string | null {
  const path = join(CORPUS_DIR, ...parts)
  return existsSync(path) ? path : null
}
