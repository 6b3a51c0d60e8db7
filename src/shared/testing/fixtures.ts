/**
 * Model records for tests: a valid Source or Annotation with every field filled, so a test states
 * only what it is about. Test-only (nothing in the app imports it).
 */
import type { Annotation, Source } from '../model'

export function sourceFixture(id: string, fields: Partial<Source> = {}): Source {
  return {
    id,
    title: id,
    outlet: '',
    author: '',
    published: '',
    url: '',
    imported: '2026-01-01T00:00:00.000Z',
    retrieved: '',
    originalFileName: '',
    format: 'txt',
    originalSha256: '0'.repeat(64),
    textSha256: '0'.repeat(64),
    textLength: 10,
    pages: 0,
    nearDuplicates: [],
    ...fields,
  }
}

/** An annotation quoting `exact` at the start of its source (offsets are not the point of such tests). */
export function annotationFixture(
  id: string,
  sourceId: string,
  exact: string,
  fields: Partial<Annotation> = {},
): Annotation {
  return {
    id,
    sourceId,
    kind: 'claim',
    target: {
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: exact.length },
    },
    comment: '',
    tagIds: [],
    created: '',
    modified: '',
    ...fields,
  }
}
