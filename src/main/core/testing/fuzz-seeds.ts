/**
 * Real files for the import fuzzer to damage: the five seed reports (always here), and the shared
 * corpus's web pages, PDFs and Word files when it is present (../shared/corpus, or CORPUS_DIR).
 * Read in place, never copied into the repository.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'

export interface SeedFile {
  name: string
  bytes: Uint8Array
}

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url))
export const CORPUS_DIR = process.env['CORPUS_DIR'] ?? join(repoRoot, '..', 'shared', 'corpus')

/** A seed prints as its name and size in a failing run's counterexample, not as every byte. */
export function named(name: string, bytes: Uint8Array): SeedFile {
  return Object.defineProperty({ name, bytes }, fc.toStringMethod, {
    value: () => `seed(${JSON.stringify(name)}, ${bytes.byteLength} bytes)`,
  })
}

const read = (path: string, name = basename(path)): SeedFile =>
  named(name, new Uint8Array(readFileSync(path)))

export function sampleTexts(): SeedFile[] {
  const dir = join(repoRoot, 'resources', 'sample')
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => read(join(dir, name)))
}

function filesUnder(folder: string, extension: string, maxBytes: number): SeedFile[] {
  const dir = join(CORPUS_DIR, folder)
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith(extension) && statSync(join(dir, name)).size <= maxBytes)
    .sort()
    .map((name) => read(join(dir, name)))
}

/**
 * Corpus seeds of one format, small ones only (a 1 MB page costs jsdom a second a run), or the
 * reason there are none.
 */
export function corpusSeeds(format: 'html' | 'pdf' | 'docx'): { seeds: SeedFile[]; skipped: string | null } {
  let seeds: SeedFile[]
  if (format === 'html') {
    const dir = join(CORPUS_DIR, 'html')
    seeds = existsSync(dir)
      ? readdirSync(dir, { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => join(dir, entry.name, 'source.html'))
          .filter((path) => existsSync(path) && statSync(path).size <= 100_000)
          .sort()
          .map((path) => read(path, `${basename(join(path, '..'))}.html`))
      : []
  } else {
    seeds = filesUnder(format, `.${format}`, 250_000)
  }
  const skipped = seeds.length ? null : `no ${format} files in ${join(CORPUS_DIR, format)} (set CORPUS_DIR)`
  return { seeds, skipped }
}
