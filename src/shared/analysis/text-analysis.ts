/**
 * `analyseText`: what the conflict finder needs from one text, worked out once and stored under the
 * text's hash (see `TextAnalysis`). It tags the text with compromise, so it runs in a worker thread.
 */
import { ANALYSIS_VERSION } from './analysis-version'
import { attributedTo } from './group-values'
import { extractMentions } from './mentions'
import { wordsOf } from './phrase-index'
import { singletonCandidates } from './singletons'
import type { TextAnalysis } from './types'

export function analyseText(text: string): TextAnalysis {
  const mentions = extractMentions(text)
  return {
    version: ANALYSIS_VERSION,
    mentions,
    attributedTo: mentions.map((mention) =>
      mention.kind === 'attribution' ? '' : attributedTo(mention, mentions, text),
    ),
    candidates: singletonCandidates(text, mentions),
    words: wordsOf(text),
  }
}
