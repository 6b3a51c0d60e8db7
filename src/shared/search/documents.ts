/**
 * What goes into MiniSearch for each notebook item, and the fingerprint that says whether it changed.
 * A source becomes one document per chunk; an annotation or a claim is one document.
 */
import type { Annotation, Claim } from '../model'
import { chunkText } from './chunk'
import { tagNamesOf, type NotebookState } from './notebook-state'
import type { SearchDocType, SearchSource } from './types'

/**
 * One MiniSearch index per type, each document giving every field of its type (empty when unknown):
 * MiniSearch keeps a field's average length as a running mean over the documents of its index, which
 * is only a true mean, and only independent of insertion order, when every document has the field.
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

/** The object handed to MiniSearch: dropped after indexing, since MiniSearch keeps no stored fields here. */
export type IndexDoc = { key: string } & Partial<Record<SearchField, string>>

export interface IndexedEntity {
  type: SearchDocType
  /** The source, annotation or claim id. */
  id: string
  /** `<type>:<id>`, unique across types. */
  key: string
  /**
   * Every indexed value (a source's text aside: sync compares texts itself, since keeping a copy in a
   * fingerprint would double the notebook's memory), so an unchanged fingerprint means nothing changed.
   */
  fingerprint: string
  build: () => Array<{ ref: DocRef; doc: IndexDoc }>
}

const SEP = '\u0000'

export function notebookEntities(state: NotebookState): IndexedEntity[] {
  return [
    ...[...state.sources.values()].map(sourceEntity),
    ...[...state.annotations.values()].map((annotation) => annotationEntity(annotation, state)),
    ...[...state.claims.values()].map((claim) => claimEntity(claim, state)),
  ]
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
    key: `source:${id}`,
    fingerprint: [title, outlet, author, text.length].join(SEP),
    build: () => {
      const chunks = chunkText(text)
      // A blank text still gets one (empty) chunk, so the source can be found by its title.
      if (chunks.length === 0) chunks.push({ start: 0, end: 0 })
      return chunks.map((range, index) => ({
        ref: { type: 'source', entityId: id, chunk: { index, ...range } },
        // Metadata rides on every chunk so that "reuters pyongyang" finds a Reuters chunk saying Pyongyang.
        doc: {
          key: `source:${id}#${index}`,
          title,
          outlet,
          author,
          text: text.slice(range.start, range.end),
        },
      }))
    },
  }
}

function annotationEntity(annotation: Annotation, state: NotebookState): IndexedEntity {
  const quote = annotation.target.quote.exact
  const tags = tagNamesOf(annotation.tagIds, state)
  return {
    type: 'annotation',
    id: annotation.id,
    key: `annotation:${annotation.id}`,
    fingerprint: [quote, annotation.comment, tags].join(SEP),
    build: () => [
      {
        ref: { type: 'annotation', entityId: annotation.id },
        doc: { key: `annotation:${annotation.id}`, quote, comment: annotation.comment, tags },
      },
    ],
  }
}

function claimEntity(claim: Claim, state: NotebookState): IndexedEntity {
  const tags = tagNamesOf(claim.tagIds, state)
  const attributedTo = attributionsOf(claim)
  return {
    type: 'claim',
    id: claim.id,
    key: `claim:${claim.id}`,
    fingerprint: [claim.statement, tags, attributedTo].join(SEP),
    build: () => [
      {
        ref: { type: 'claim', entityId: claim.id },
        doc: { key: `claim:${claim.id}`, statement: claim.statement, tags, attributedTo },
      },
    ],
  }
}

export function attributionsOf(claim: Claim): string {
  return [...new Set(claim.links.map((link) => link.attributedTo).filter(Boolean))].join(' ; ')
}
