/**
 * Corroboration that counts origins, not echoes: five outlets quoting the same official are one
 * origin. A link's origin is whom the source attributes the statement to; unattributed, it is the
 * outlet itself — and near-duplicate sources (one wire story run twice) share one origin.
 */
import type { Annotation, Claim, Source, Stance } from '../model'
import type { NotebookIndex } from './notebook-index'

export interface ResolvedLink {
  annotation: Annotation
  source: Source
  stance: Stance
  attributedTo: string
}

export interface StanceCount {
  /** Distinct outlets (sources without an outlet count one each). */
  outlets: number
  /** Distinct origins the outlets trace to. */
  origins: number
}

export interface Corroboration {
  supports: StanceCount
  contradicts: StanceCount
  mentions: StanceCount
}

/** Normalises a name for comparison: case, punctuation and a leading "the" do not make a new origin. */
export function normaliseName(name: string): string {
  return name
    .toLocaleLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/^the /, '')
    .trim()
}

/**
 * Links whose annotation still exists, with their sources. A link to a deleted annotation is kept in
 * the data (an undo brings the annotation, and so the link, back) but counts for nothing.
 */
export function resolveLinks(claim: Claim, index: NotebookIndex): ResolvedLink[] {
  return claim.links.flatMap((link) => {
    const annotation = index.annotationsById.get(link.annotationId)
    const source = annotation && index.sourcesById.get(annotation.sourceId)
    return annotation && source
      ? [{ annotation, source, stance: link.stance, attributedTo: link.attributedTo }]
      : []
  })
}

export function originKey(link: ResolvedLink, story: (sourceId: string) => string): string {
  const speaker = normaliseName(link.attributedTo)
  return speaker ? `speaker:${speaker}` : `story:${story(link.source.id)}`
}

function outletKey(source: Source): string {
  return normaliseName(source.outlet) || `source:${source.id}`
}

export function corroboration(links: readonly ResolvedLink[], index: NotebookIndex): Corroboration {
  const story = index.storyOf
  const count = (stance: Stance): StanceCount => {
    const picked = links.filter((l) => l.stance === stance)
    return {
      outlets: new Set(picked.map((l) => outletKey(l.source))).size,
      origins: new Set(picked.map((l) => originKey(l, story))).size,
    }
  }
  return { supports: count('supports'), contradicts: count('contradicts'), mentions: count('mentions') }
}
