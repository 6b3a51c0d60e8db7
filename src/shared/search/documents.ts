/**
 * What goes into the index for each notebook item, and the fingerprint that says whether it changed.
 * A source becomes one document per chunk; an annotation or a claim is one document.
 */
import { chunkText } from './chunk'
import { fingerprint } from './fingerprint'
import { tagNamesOf, type NotebookState } from './notebook-state'
import type { SearchAnnotation, SearchClaim, SearchDocType, SearchSource } from './types'

/**
 * One index per type (BM25 statistics are per type, as they were with one MiniSearch index each), each
 * document giving every field of its type, empty when unknown, in this order. Annotations' fields go
 * quote, comment, tags and claims' statement, attributions, tags: the order `build` gives values in.
 */
export const FIELDS_BY_TYPE = {
  source: ['title', 'outlet', 'author', 'text'],
  annotation: ['quote', 'comment', 'tags'],
  claim: ['statement', 'attributedTo', 'tags'],
} as const satisfies Record<SearchDocType, readonly string[]>
export type SearchField = (typeof FIELDS_BY_TYPE)[SearchDocType][number]

/** The analyst's own words (comments, statements, tags) and titles outrank a passing mention in a text. */
export const FIELD_BOOST: Record<SearchField, number> = {
  title: 2,
  outlet: 1,
  author: 1,
  text: 1,
  quote: 1,
  comment: 1.5,
  tags: 2,
  statement: 1.5,
  attributedTo: 1,
}

/** The index's note about one document: which item it is, and for a chunk, where in the text. */
export interface DocRef {
  type: SearchDocType
  /** The source, annotation or claim id. */
  entityId: string
  chunk?: { index: number; start: number; end: number }
}

export interface IndexedEntity {
  type: SearchDocType
  /** The source, annotation or claim id. */
  id: string
  /** `<type>:<id>`, unique across types. */
  key: string
  /** A hash of every indexed value: an unchanged fingerprint means nothing searchable changed. */
  fingerprint: string
  /** The entity's documents (a source's chunks, in order), each as its fields' values in FIELDS_BY_TYPE order. */
  build: () => Array<{ ref: DocRef; values: string[] }>
}

export function entityKey(type: SearchDocType, id: string): string {
  return `${type}:${id}`
}

export function* notebookEntities(state: NotebookState): Generator<IndexedEntity> {
  for (const source of state.sources.values()) yield sourceEntity(source)
  for (const annotation of state.annotations.values()) yield annotationEntity(annotation, state)
  for (const claim of state.claims.values()) yield claimEntity(claim, state)
}

/** The entity as `state` has it, or null when it has no such item. */
export function entityIn(state: NotebookState, type: SearchDocType, id: string): IndexedEntity | null {
  switch (type) {
    case 'source': {
      const source = state.sources.get(id)
      return source ? sourceEntity(source) : null
    }
    case 'annotation': {
      const annotation = state.annotations.get(id)
      return annotation ? annotationEntity(annotation, state) : null
    }
    case 'claim': {
      const claim = state.claims.get(id)
      return claim ? claimEntity(claim, state) : null
    }
  }
}

function sourceEntity(source: SearchSource): IndexedEntity {
  const { id, title, outlet, author, text } = source
  return {
    type: 'source',
    id,
    key: entityKey('source', id),
    fingerprint: fingerprint([title, outlet, author, source.textKey ?? text]),
    build: () => {
      const chunks = chunkText(text)
      // A blank text still gets one (empty) chunk, so the source can be found by its title.
      if (chunks.length === 0) chunks.push({ start: 0, end: 0 })
      // Metadata rides on every chunk so that "reuters pyongyang" finds a Reuters chunk saying Pyongyang.
      return chunks.map((range, index) => ({
        ref: { type: 'source', entityId: id, chunk: { index, ...range } },
        values: [title, outlet, author, text.slice(range.start, range.end)],
      }))
    },
  }
}

function annotationEntity(annotation: SearchAnnotation, state: NotebookState): IndexedEntity {
  const values = [annotation.target.quote.exact, annotation.comment, tagNamesOf(annotation.tagIds, state)]
  return {
    type: 'annotation',
    id: annotation.id,
    key: entityKey('annotation', annotation.id),
    fingerprint: fingerprint(values),
    build: () => [{ ref: { type: 'annotation', entityId: annotation.id }, values }],
  }
}

function claimEntity(claim: SearchClaim, state: NotebookState): IndexedEntity {
  const values = [claim.statement, attributionsOf(claim), tagNamesOf(claim.tagIds, state)]
  return {
    type: 'claim',
    id: claim.id,
    key: entityKey('claim', claim.id),
    fingerprint: fingerprint(values),
    build: () => [{ ref: { type: 'claim', entityId: claim.id }, values }],
  }
}

export function attributionsOf(claim: SearchClaim): string {
  return [...new Set(claim.links.map((link) => link.attributedTo).filter(Boolean))].join(' ; ')
}
