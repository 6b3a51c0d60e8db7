/**
 * Each text's analysis for the conflict finder (its mentions, see shared/analysis/text-analysis.ts),
 * stored beside the text under the text's hash: analysis/<sha256>.mentions.json. Derived data, so
 * archives and backups leave it out and a notebook without it is whole: a file that is missing,
 * unreadable, malformed or made by another version of the extractor reads as absent, and the
 * finder makes it again.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ANALYSIS_VERSION } from '../../../shared/analysis/analysis-version'
import type { TextAnalysis } from '../../../shared/analysis/types'
import { fsyncFolder, writeFileDurably } from './durable-write'

export const ANALYSIS_DIR = 'analysis'

export const analysisPath = (dir: string, textSha256: string) =>
  join(dir, ANALYSIS_DIR, `${textSha256}.mentions.json`)

/** The stored analysis of a text, or null when there is none this extractor can use. */
export async function readAnalysis(dir: string, textSha256: string): Promise<TextAnalysis | null> {
  return (await readAnalyses(dir, [textSha256]))[0]!
}

/** Files read between two turns of the event loop: a few milliseconds of main's time each. */
const FILES_PER_SLICE = 25

/**
 * The stored analyses of many texts (null for each that has none). Read synchronously, a slice at a
 * time: for a thousand small files that is several times faster than `fs.promises` (each of its reads
 * is four trips through libuv's thread pool), and yielding between slices keeps main responsive.
 */
export async function readAnalyses(
  dir: string,
  textShas: readonly string[],
): Promise<Array<TextAnalysis | null>> {
  const analyses: Array<TextAnalysis | null> = []
  for (const [i, sha] of textShas.entries()) {
    if (i > 0 && i % FILES_PER_SLICE === 0) await new Promise((next) => setImmediate(next))
    analyses.push(parseAnalysis(readIfThere(analysisPath(dir, sha)), sha))
  }
  return analyses
}

function readIfThere(path: string): string | null {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return null
  }
}

function parseAnalysis(raw: string | null, textSha256: string): TextAnalysis | null {
  let stored: unknown
  try {
    stored = raw === null ? null : JSON.parse(raw)
  } catch {
    return null
  }
  if (!isObject(stored) || stored['textSha256'] !== textSha256) return null
  const analysis = stored['analysis']
  return isCurrentAnalysis(analysis) ? analysis : null
}

export interface AnalysisWriteOptions {
  /** For a batch: the caller syncs the folder once after it (see `syncAnalysisFolder`). */
  skipFolderSync?: boolean
}

/** Stores a text's analysis (replacing one an older extractor made). */
export async function writeAnalysis(
  dir: string,
  textSha256: string,
  analysis: TextAnalysis,
  options: AnalysisWriteOptions = {},
): Promise<void> {
  // Compact: it is read back whole for every source when a notebook opens, and no one edits it by hand.
  await writeFileDurably(analysisPath(dir, textSha256), JSON.stringify({ textSha256, analysis }), options)
}

export async function syncAnalysisFolder(dir: string): Promise<void> {
  await fsyncFolder(join(dir, ANALYSIS_DIR))
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Enough of a check that a damaged file cannot break the finder: the shapes it reads, this version. */
function isCurrentAnalysis(value: unknown): value is TextAnalysis {
  if (!isObject(value) || value['version'] !== ANALYSIS_VERSION) return false
  const { mentions, attributedTo, candidates, words } = value
  if (!Array.isArray(mentions) || !Array.isArray(attributedTo) || !Array.isArray(candidates)) return false
  if (typeof words !== 'string' || attributedTo.length !== mentions.length) return false
  const kinds = new Set(['quantity', 'date', 'attribution'])
  const isMention = (m: unknown) =>
    isObject(m) &&
    kinds.has(m['kind'] as string) &&
    typeof m['start'] === 'number' &&
    typeof m['end'] === 'number'
  const isCandidate = (c: unknown) =>
    isObject(c) && Array.isArray(c['parties']) && typeof c['phrase'] === 'string'
  return (
    mentions.every(isMention) &&
    attributedTo.every((speaker) => typeof speaker === 'string') &&
    candidates.every(isCandidate)
  )
}
