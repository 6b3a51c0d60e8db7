import { describe, expect, it } from 'vitest'
import type { Claim } from '../model'
import { annotationFixture, sourceFixture } from '../testing/fixtures'
import { buildMatrix, matrixPage, pageRange } from '.'

const claim = (id: string, annotationIds: string[]): Claim => ({
  id,
  statement: id,
  links: annotationIds.map((annotationId) => ({ annotationId, stance: 'supports', attributedTo: '' })),
  credibility: null,
  tagIds: [],
  created: '',
  modified: '',
})

describe('paging the matrix', () => {
  it('clamps a page to the items there are', () => {
    expect(pageRange(137, 0, 20)).toEqual({ page: 0, pages: 7, start: 0, end: 20, total: 137 })
    expect(pageRange(137, 6, 20)).toEqual({ page: 6, pages: 7, start: 120, end: 137, total: 137 })
    expect(pageRange(137, 99, 20).page).toBe(6)
    expect(pageRange(0, 3, 20)).toEqual({ page: 0, pages: 1, start: 0, end: 0, total: 0 })
  })

  it('shows, for the claims on the page, only the sources that bear on them, a page at a time', () => {
    // 2,000 sources; claim c<k> quotes sources 10k..10k+9, so the first page of 50 claims bears on 500.
    const sources = Array.from({ length: 2000 }, (_, i) => sourceFixture(`s${i}`))
    const annotations = sources.map((s, i) => annotationFixture(`a${i}`, s.id, `quote ${i}`))
    const claims = Array.from({ length: 120 }, (_, k) =>
      claim(
        `c${k}`,
        Array.from({ length: 10 }, (_, j) => `a${(10 * k + j) % 2000}`),
      ),
    )
    const matrix = buildMatrix({ claims, annotations, sources })
    const first = matrixPage(matrix, 0, 0)
    expect(first.claims.map((c) => c.id)).toEqual(claims.slice(0, 50).map((c) => c.id))
    expect(first.sourceRange).toMatchObject({ total: 500, pages: 25 })
    expect(first.sources.map((s) => s.id)).toEqual(sources.slice(0, 20).map((s) => s.id))

    const last = matrixPage(matrix, 2, 1)
    expect(last.claims.map((c) => c.id)).toEqual(claims.slice(100).map((c) => c.id))
    expect(last.sources.map((s) => s.id)).toEqual(sources.slice(1020, 1040).map((s) => s.id))
  })

  it('has no columns for claims that nothing bears on', () => {
    const page = matrixPage(
      buildMatrix({ claims: [claim('c', ['gone'])], annotations: [], sources: [] }),
      0,
      0,
    )
    expect(page.sources).toEqual([])
    expect(page.sourceRange.total).toBe(0)
  })
})
