/**
 * `findConflicts`: what several reports of one event disagree on (troop counts, the day a statement was
 * made) and what only one of them says. Local and deterministic: the same sources give the same report.
 * This reads every text at once; the app keeps a `ConflictIndex` over stored analyses instead, and this
 * runs the very same steps.
 */
import { ConflictIndex } from './conflict-index'
import { analyseText } from './text-analysis'
import type { AnalysisSource, ConflictReport } from './types'

export function findConflicts(sources: readonly AnalysisSource[]): ConflictReport {
  const analyses = new Map(sources.map((source) => [source.id, analyseText(source.text)]))
  const index = new ConflictIndex()
  index.sync(
    sources.map((source) => ({ id: source.id, key: source.id })),
    (source) => analyses.get(source.id)!,
  )
  const texts = new Map(sources.map((source) => [source.id, source.text]))
  for (let wanted = index.textsWanted(); wanted.length > 0; wanted = index.textsWanted())
    index.confirmIn(new Map(wanted.map((id) => [id, texts.get(id) ?? ''])))
  return {
    ...index.report(),
    mentionsBySource: sources.map((source) => ({
      sourceId: source.id,
      mentions: analyses.get(source.id)!.mentions,
    })),
  }
}
