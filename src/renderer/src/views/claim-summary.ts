/** What the claims views show about a claim: resolved links, origin counts, grades and a suggestion. */
import {
  corroboration,
  effectiveReliability,
  resolveLinks,
  suggestCredibility,
  type Corroboration,
  type NotebookIndex,
  type ResolvedLink,
} from '../../../shared/claims'
import type { Claim, Credibility } from '../../../shared/model'

export interface ClaimSummary {
  claim: Claim
  links: ResolvedLink[]
  counts: Corroboration
  suggestion: { grade: Credibility; reason: string }
}

/** One claim's summary: its cost is the claim's links, whatever the notebook's size. */
export function summarise(claim: Claim, index: NotebookIndex): ClaimSummary {
  const links = resolveLinks(claim, index)
  const counts = corroboration(links, index)
  const grades = links
    .filter((l) => l.stance === 'supports')
    .map((l) => effectiveReliability(l.source, index).grade)
  return { claim, links, counts, suggestion: suggestCredibility(counts, grades) }
}

export function describeCounts(counts: Corroboration): string {
  const part = (label: string, c: { outlets: number; origins: number }) =>
    c.outlets === 0
      ? ''
      : `${label} ${c.outlets} outlet${c.outlets === 1 ? '' : 's'} (${c.origins} origin${c.origins === 1 ? '' : 's'})`
  return (
    [
      part('supported by', counts.supports),
      part('contradicted by', counts.contradicts),
      part('mentioned by', counts.mentions),
    ]
      .filter(Boolean)
      .join('; ') || 'no linked sources yet'
  )
}
