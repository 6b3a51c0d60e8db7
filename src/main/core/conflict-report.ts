/** The conflict finder's report, each finding paired with the claim it would make (so the renderer needs no NLP). */
import { toClaimSuggestion } from '../../shared/analysis/claim-suggestion'
import type { ClaimSuggestion, ConflictGroup, Singleton } from '../../shared/analysis/types'

export interface ConflictFindings {
  groups: Array<ConflictGroup & { suggestion: ClaimSuggestion }>
  singletons: Array<Singleton & { suggestion: ClaimSuggestion }>
}

// Main imports this, so it must not import the extractor (compromise): only the report's own types.
export function withSuggestions(report: {
  groups: ConflictGroup[]
  singletons: Singleton[]
}): ConflictFindings {
  return {
    groups: report.groups.map((group) => ({ ...group, suggestion: toClaimSuggestion(group) })),
    singletons: report.singletons.map((singleton) => ({
      ...singleton,
      suggestion: toClaimSuggestion(singleton),
    })),
  }
}
