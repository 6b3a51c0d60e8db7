/** The conflict finder's report, each finding paired with the claim it would make (so the renderer needs no NLP). */
import {
  findConflicts,
  toClaimSuggestion,
  type AnalysisSource,
  type ClaimSuggestion,
  type ConflictGroup,
  type Singleton,
} from '../../shared/analysis'

export interface ConflictFindings {
  groups: Array<ConflictGroup & { suggestion: ClaimSuggestion }>
  singletons: Array<Singleton & { suggestion: ClaimSuggestion }>
}

export function findConflictsWithSuggestions(sources: readonly AnalysisSource[]): ConflictFindings {
  const report = findConflicts(sources)
  return {
    groups: report.groups.map((group) => ({ ...group, suggestion: toClaimSuggestion(group) })),
    singletons: report.singletons.map((singleton) => ({
      ...singleton,
      suggestion: toClaimSuggestion(singleton),
    })),
  }
}
