export { extractMentions } from './mentions'
export { findConflicts } from './conflicts'
export { analyseText } from './text-analysis'
export { ConflictIndex } from './conflict-index'
export { ANALYSIS_VERSION } from './analysis-version'
export { toClaimSuggestion } from './claim-suggestion'
export type { IndexedSource } from './conflict-index'
export type {
  AnalysisSource,
  AttributionMention,
  ClaimSuggestion,
  ConflictGroup,
  ConflictReport,
  DateMention,
  GroupMention,
  GroupValue,
  Mention,
  QuantityMention,
  Singleton,
  SingletonCandidate,
  SuggestedStance,
  TextAnalysis,
  Weekday,
} from './types'
