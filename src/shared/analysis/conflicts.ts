/**
 * `findConflicts`: what several reports of one event disagree on (troop counts, the day a statement was
 * made) and what only one of them says. Local and deterministic: the same sources give the same report.
 */
import { groupMentions } from './grouping'
import { extractMentions } from './mentions'
import { findSingletons } from './singletons'
import type { AnalysisSource, ConflictReport } from './types'

export function findConflicts(sources: readonly AnalysisSource[]): ConflictReport {
  const mentionsBySource = sources.map((source) => ({
    sourceId: source.id,
    mentions: extractMentions(source.text),
  }))
  return {
    groups: groupMentions(mentionsBySource.map((found, i) => ({ ...found, text: sources[i]!.text }))),
    singletons: findSingletons(sources, mentionsBySource),
    mentionsBySource,
  }
}
