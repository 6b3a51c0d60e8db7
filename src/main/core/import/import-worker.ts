/**
 * The worker threads' entry (run by Piscina): parses one file, analyses texts for the conflict finder
 * (compromise loads here and nowhere else), or runs the whole finder over texts — the slow, CPU-bound
 * work that must never stall main. Errors come back as values, because a DomainError's class does not
 * survive the trip between threads.
 */
import { DomainError } from '../domain-error'
import { extractDocument, type ExtractRequest, type Extraction } from './extract-document'
import { withSuggestions, type ConflictFindings } from '../conflict-report'
import { analyseText } from '../../../shared/analysis/text-analysis'
import { findConflicts } from '../../../shared/analysis/conflicts'
import type { AnalysisSource, TextAnalysis } from '../../../shared/analysis/types'

export type WorkerAnswer = { ok: true; value: Extraction } | { ok: false; code: string; message: string }

export default async function extractInWorker(request: ExtractRequest): Promise<WorkerAnswer> {
  try {
    return { ok: true, value: await extractDocument(request) }
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, code: error.code, message: error.message }
    return {
      ok: false,
      code: 'unreadable',
      message: `${request.name} could not be read: ${(error as Error).message}`,
    }
  }
}

/** Each text's analysis, stored beside it for the conflict finder; Piscina calls this by name. */
export function analyse(texts: string[]): TextAnalysis[] {
  return texts.map(analyseText)
}

/** The whole conflict finder over texts given at once (`{ name: 'conflicts' }`). */
export function conflicts(sources: AnalysisSource[]): ConflictFindings {
  return withSuggestions(findConflicts(sources))
}
