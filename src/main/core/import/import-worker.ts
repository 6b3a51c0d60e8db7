/**
 * The worker threads' entry (run by Piscina): parses one file, or runs the conflict finder over a
 * notebook's texts — the slow, CPU-bound work that must never stall main. Errors come back as
 * values, because a DomainError's class does not survive the trip between threads.
 */
import { DomainError } from '../domain-error'
import { extractDocument, type ExtractRequest, type Extraction } from './extract-document'
import { findConflictsWithSuggestions, type ConflictFindings } from '../conflict-report'
import type { AnalysisSource } from '../../../shared/analysis'

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

/** Piscina calls this by name (`{ name: 'conflicts' }`). */
export function conflicts(sources: AnalysisSource[]): ConflictFindings {
  return findConflictsWithSuggestions(sources)
}
