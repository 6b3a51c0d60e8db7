/**
 * Export a notebook's annotations as a W3C Web Annotation AnnotationCollection (JSON-LD), so they can
 * be read by other annotation tools and archived in a standard form. Pure: the caller reads the texts.
 *
 * Mapping (https://www.w3.org/TR/annotation-model/):
 * - Bodies, each a plain-text TextualBody, in this order: the comment (purpose `commenting`); for a
 *   claim, `classifying` with the value "claim"; one `assessing` body per claim in the notebook that
 *   cites the annotation, saying how it stands ("Supports: <statement>"); one `tagging` body per tag.
 * - `motivation` is the purpose of the first body, so the annotation's main intent leads; with no body
 *   at all (a bare note) the analyst only marked the passage, which is `highlighting`.
 * - Target `source`: the source's http(s) address, with a TimeState saying when the app fetched it;
 *   otherwise (files, pasted text) the `ni:///sha-256;…` URI of the stored text the selectors count in.
 *   For web pages the selectors still count in the text the app extracted, which may not be the page's
 *   full text: the quote selector, with its prefix and suffix, is the one to anchor by there.
 * - Selectors: the quote as stored; the position in code points (see web-annotation-positions.ts), only
 *   when the quote is verbatim in the source's text, so the two selectors never disagree.
 */
import type { Annotation, Claim, NotebookData, Source, Stance } from '../model'
import { httpUri, isAbsoluteUri, percentEncode, sha256NiUri, uuidUrn } from './web-annotation-iri'
import { codePointIndex, codePointPosition } from './web-annotation-positions'
import type { CodePointIndex } from './web-annotation-positions'
import { rfc3339 } from './web-annotation-time'
import { ANNOTATION_CONTEXT } from './web-annotation-types'
import type {
  AnnotationCollection,
  AnnotationPage,
  TextualBody,
  WebAnnotation,
  WebAnnotationTarget,
  WebSelector,
} from './web-annotation-types'

export type * from './web-annotation-types'
export { ANNOTATION_CONTEXT } from './web-annotation-types'
export { uuidUrn } from './web-annotation-iri'

export interface WebAnnotationExportOptions {
  /** When this export was made (RFC 3339 with a zone), written as each annotation's `generated`. */
  generated: string
  /** The collection's id, an absolute URI without a fragment, e.g. `urn:uuid:<notebook meta id>`. */
  baseId: string
  /**
   * Each source's stored text by source id (null or absent: missing). Needed to turn the notebook's
   * UTF-16 offsets into code points; an annotation whose text is missing gets no position selector.
   */
  texts: ReadonlyMap<string, string | null>
}

const STANCE_LABEL: Record<Stance, string> = {
  supports: 'Supports',
  contradicts: 'Contradicts',
  mentions: 'Mentions',
}

export function buildAnnotationCollection(
  notebook: NotebookData,
  options: WebAnnotationExportOptions,
): AnnotationCollection {
  const { baseId } = options
  if (!isAbsoluteUri(baseId) || baseId.includes('#')) {
    throw new RangeError(`baseId must be an absolute URI without a fragment: ${baseId}`)
  }
  const generated = rfc3339(options.generated)
  if (!generated) throw new RangeError(`generated must be an RFC 3339 date-time: ${options.generated}`)

  const context = exportContext(notebook, options)
  const items = notebook.annotations.map((annotation) => exportAnnotation(annotation, generated, context))
  const label = notebook.meta.name.trim()
  const collection: AnnotationCollection = {
    '@context': ANNOTATION_CONTEXT,
    id: baseId,
    type: 'AnnotationCollection',
    ...(label ? { label } : {}),
    total: items.length,
  }
  if (items.length === 0) return collection
  // One page holds everything: the file is a whole export, not a paged protocol response.
  const page: AnnotationPage = {
    id: `${baseId}#page1`,
    type: 'AnnotationPage',
    partOf: baseId,
    startIndex: 0,
    items,
  }
  return { ...collection, first: page, last: page.id }
}

/** The collection as a file: keys in the fixed order above, two-space indents, a final newline. */
export function buildAnnotationCollectionJson(
  notebook: NotebookData,
  options: WebAnnotationExportOptions,
): string {
  return `${JSON.stringify(buildAnnotationCollection(notebook, options), null, 2)}\n`
}

interface ExportContext {
  baseId: string
  sources: ReadonlyMap<string, Source>
  tagNames: ReadonlyMap<string, string>
  citations: ReadonlyMap<string, { claim: Claim; stance: Stance; attributedTo: string }[]>
  /** Code-point indexes by source id, built on first use: most texts are long and hold many annotations. */
  indexFor: (sourceId: string, text: string) => CodePointIndex
  texts: ReadonlyMap<string, string | null>
}

function exportContext(notebook: NotebookData, options: WebAnnotationExportOptions): ExportContext {
  const citations = new Map<string, { claim: Claim; stance: Stance; attributedTo: string }[]>()
  for (const claim of notebook.claims) {
    for (const { annotationId, stance, attributedTo } of claim.links) {
      citations.set(annotationId, [...(citations.get(annotationId) ?? []), { claim, stance, attributedTo }])
    }
  }
  const indexes = new Map<string, CodePointIndex>()
  return {
    baseId: options.baseId,
    sources: new Map(notebook.sources.map((source) => [source.id, source])),
    tagNames: new Map(notebook.tags.map((tag) => [tag.id, tag.name])),
    citations,
    texts: options.texts,
    indexFor(sourceId, text) {
      const index = indexes.get(sourceId) ?? codePointIndex(text)
      indexes.set(sourceId, index)
      return index
    },
  }
}

function exportAnnotation(annotation: Annotation, generated: string, context: ExportContext): WebAnnotation {
  const body = bodies(annotation, context)
  const created = rfc3339(annotation.created)
  const modified = rfc3339(annotation.modified)
  return {
    '@context': ANNOTATION_CONTEXT,
    id: uuidUrn(annotation.id) ?? `${context.baseId}#annotation-${percentEncode(annotation.id)}`,
    type: 'Annotation',
    motivation: body[0]?.purpose ?? 'highlighting',
    ...(created ? { created } : {}),
    ...(modified ? { modified } : {}),
    generated,
    ...(body.length ? { body } : {}),
    target: target(annotation, context),
  }
}

function bodies(annotation: Annotation, context: ExportContext): TextualBody[] {
  const textual = (value: string, purpose: TextualBody['purpose']): TextualBody => ({
    type: 'TextualBody',
    value,
    format: 'text/plain',
    purpose,
  })
  const result: TextualBody[] = []
  const comment = annotation.comment.trim()
  if (comment) result.push(textual(comment, 'commenting'))
  if (annotation.kind === 'claim') result.push(textual('claim', 'classifying'))
  for (const { claim, stance, attributedTo } of context.citations.get(annotation.id) ?? []) {
    const by = attributedTo.trim() ? ` (attributed to ${attributedTo.trim()})` : ''
    result.push(textual(`${STANCE_LABEL[stance]}: ${claim.statement}${by}`, 'assessing'))
  }
  // A tag id whose tag was deleted names nothing; two ids with one name would only repeat it.
  const names = annotation.tagIds.flatMap((id) => context.tagNames.get(id) ?? [])
  for (const name of new Set(names)) result.push(textual(name, 'tagging'))
  return result
}

function target(annotation: Annotation, context: ExportContext): WebAnnotationTarget {
  const source = context.sources.get(annotation.sourceId)
  const address = source?.url ? httpUri(source.url) : null
  const retrieved = address && source ? rfc3339(source.retrieved) : undefined
  const { exact, prefix, suffix } = annotation.target.quote
  const selector: WebSelector[] = [
    { type: 'TextQuoteSelector', exact, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) },
  ]
  const text = context.texts.get(annotation.sourceId)
  if (source && typeof text === 'string') {
    const position = codePointPosition(text, context.indexFor(source.id, text), annotation.target)
    if (position) selector.push(position)
  }
  return {
    source: address ?? (source ? sha256NiUri(source.textSha256) : missingSourceIri(annotation, context)),
    ...(retrieved ? { state: { type: 'TimeState', sourceDate: retrieved } } : {}),
    selector,
  }
}

/** The notebook lost the source (its schema does not enforce the link): still name it, by its id. */
function missingSourceIri(annotation: Annotation, context: ExportContext): string {
  return uuidUrn(annotation.sourceId) ?? `${context.baseId}#source-${percentEncode(annotation.sourceId)}`
}
