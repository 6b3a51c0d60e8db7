/**
 * The quick brief as data: which claims it makes, in which order, and which sources they cite.
 * quick-brief.ts outlines it as the tree every format is serialised from.
 */
import type { Annotation, NotebookData, Source } from '../model'

/** One claim as the brief cites it: the analyst's reading and the exact words it rests on. */
export interface BriefClaim {
  annotationId: string
  annotation: Annotation
  source: Source
  /** The analyst's comment; may be empty. */
  comment: string
  tags: readonly string[]
  quote: string
}

export interface Brief {
  notebookName: string
  /** UTC ISO timestamp of the export, passed in so that building stays pure and repeatable. */
  generated: string
  claims: readonly BriefClaim[]
  /** The sources at least one claim cites, in notebook order. */
  sources: readonly Source[]
}

export interface CollectBriefOptions {
  generated: string
}

/**
 * Claims are ordered by their source's place in the notebook, then by where they sit in its text,
 * so footnote numbers follow the reading order. Notes are the analyst's private working and stay
 * out; a claim whose source is gone cannot be cited and is skipped (verifyQuotes reports it).
 */
export function collectBrief(notebook: NotebookData, options: CollectBriefOptions): Brief {
  const sourceOrder = new Map(notebook.sources.map((source, index) => [source.id, index]))
  const tagNames = new Map(notebook.tags.map((tag) => [tag.id, tag.name]))
  const sourcesById = new Map(notebook.sources.map((source) => [source.id, source]))
  const citable = notebook.annotations.flatMap((annotation) => {
    const source = sourcesById.get(annotation.sourceId)
    return annotation.kind === 'claim' && source ? [{ annotation, source }] : []
  })
  const rank = (annotation: Annotation): number => sourceOrder.get(annotation.sourceId) ?? 0
  citable.sort(
    (a, b) =>
      rank(a.annotation) - rank(b.annotation) ||
      a.annotation.target.position.start - b.annotation.target.position.start ||
      a.annotation.target.position.end - b.annotation.target.position.end ||
      compareStrings(a.annotation.id, b.annotation.id),
  )
  const claims = citable.map(({ annotation, source }): BriefClaim => ({
    annotationId: annotation.id,
    annotation,
    source,
    comment: annotation.comment,
    tags: annotation.tagIds.flatMap((id) => tagNames.get(id) ?? []),
    quote: annotation.target.quote.exact,
  }))
  const citedIds = new Set(claims.map((claim) => claim.source.id))
  return {
    notebookName: notebook.meta.name,
    generated: options.generated,
    claims,
    sources: notebook.sources.filter((source) => citedIds.has(source.id)),
  }
}

/** Code-unit order rather than localeCompare, so the tie-break is the same on every machine. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
