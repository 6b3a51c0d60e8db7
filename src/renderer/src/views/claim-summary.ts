/** What the claims views show about a claim: resolved links, origin counts, grades and a suggestion. */
import {
  corroboration,
  effectiveReliability,
  resolveLinks,
  suggestCredibility,
  type Corroboration,
  type ResolvedLink,
} from '../../../shared/claims'
import type { Annotation, Claim, Credibility, Source } from '../../../shared/model'

export interface ClaimSummary {
  claim: Claim
  links: ResolvedLink[]
  counts: Corroboration
  suggestion: { grade: Credibility; reason: string }
}

export function summarise(
  claim: Claim,
  annotations: readonly Annotation[],
  sources: readonly Source[],
): ClaimSummary {
  const links = resolveLinks(claim, annotations, sources)
  const counts = corroboration(links, sources)
  const grades = links
    .filter((l) => l.stance === 'supports')
    .map((l) => effectiveReliability(l.source, sources).grade)
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
