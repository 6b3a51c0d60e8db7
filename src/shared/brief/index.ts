/**
 * The brief builders, pure: a notebook (quick brief) or a composed draft outlined as one mdast tree,
 * its footnotes written by a citation function, every quote checked, and the tree serialised.
 * Main's core/export/verified-brief.ts runs them in order with the stored texts.
 */
export type { Brief, BriefClaim, CollectBriefOptions } from './brief-model'
export { collectBrief } from './brief-model'
export type { BriefOutline, BriefTree, CiteFootnote, FootnoteCall } from './brief-tree'
export { finishTree } from './brief-tree'
export { citationPhrasing, citeWith, type CiteSource } from './citation'
export { outlineDraft } from './draft-tree'
export { briefFileName } from './file-name'
export { BRIEF_CONTENT_SECURITY_POLICY } from './html'
export { outlineQuickBrief } from './quick-brief'
export { serialiseBrief, type BriefFile, type BriefFileFormat } from './serialise'
export type { QuoteProblem, QuoteProblemReason } from './verify-quotes'
export { verifyQuotes } from './verify-quotes'
