export { extractMentions } from './mentions'
export { findConflicts } from './conflicts'
export { toClaimSuggestion } from './claim-suggestion'
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
  SuggestedStance,
  Weekday,
} from './types'
