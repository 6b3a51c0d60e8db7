import { describe, expect, it } from 'vitest'
import type { Claim, Source } from '../model'
import { annotationFixture, sourceFixture } from '../testing/fixtures'
import {
  buildMatrix,
  cellKey,
  cellStance,
  corroboration,
  effectiveReliability,
  indexNotebook,
  resolveLinks,
  suggestCredibility,
} from '.'

const source = (id: string, outlet: string, fields: Partial<Source> = {}) =>
  sourceFixture(id, { outlet, ...fields })
const annotation = (id: string, sourceId: string, exact: string) => annotationFixture(id, sourceId, exact)

const sources = [
  source('ap', 'AP'),
  source('cbs', 'CBS News'),
  source('wion', 'WION', { nearDuplicates: [{ sourceId: 'ap', similarity: 0.9 }] }),
  source('ijr', 'IJR'),
  source('cnn', 'CNN'),
]
const annotations = [
  annotation('a1', 'ap', 'about 3,000 soldiers'),
  annotation('a2', 'cbs', '3,000 troops'),
  annotation('a3', 'wion', 'around 3,000 troops'),
  annotation('a4', 'ijr', 'at least 3,000 soldiers'),
  annotation('a5', 'cnn', '12,000 troops'),
]
const claim: Claim = {
  id: 'c1',
  statement: 'North Korea has about 3,000 troops in Russia',
  links: [
    { annotationId: 'a1', stance: 'supports', attributedTo: "South Korea's National Intelligence Service" },
    { annotationId: 'a2', stance: 'supports', attributedTo: 'the South Korea National Intelligence Service' },
    { annotationId: 'a3', stance: 'supports', attributedTo: '' },
    { annotationId: 'a4', stance: 'supports', attributedTo: 'John Kirby, White House' },
    { annotationId: 'a5', stance: 'contradicts', attributedTo: '' },
    { annotationId: 'deleted', stance: 'supports', attributedTo: 'Someone' },
  ],
  credibility: null,
  tagIds: [],
  created: '',
  modified: '',
}

describe('corroboration counts origins, not echoes', () => {
  const index = indexNotebook({ annotations, sources })
  const links = resolveLinks(claim, index)

  it('ignores links to deleted annotations', () => {
    expect(links.map((l) => l.annotation.id)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5'])
  })

  it('counts outlets and independent origins apart', () => {
    const counts = corroboration(links, index)
    // Four outlets support it; AP and CBS quote the same agency (one origin), WION reruns AP's story
    // unattributed (its own origin, since "story:ap" differs from the NIS speaker), Kirby is another.
    expect(counts.supports).toEqual({ outlets: 4, origins: 3 })
    expect(counts.contradicts).toEqual({ outlets: 1, origins: 1 })
  })

  it('treats near-duplicate sources as one story when unattributed', () => {
    const both = [
      { ...links[2]!, attributedTo: '' },
      { ...links[0]!, attributedTo: '' },
    ]
    expect(corroboration(both, index).supports).toEqual({ outlets: 2, origins: 1 })
  })
})

describe('Admiralty grading', () => {
  it('defaults a source to the grade of its outlet, else F', () => {
    const graded = [source('x', 'AP', { reliability: 'B' }), source('y', 'AP'), source('z', 'Unknown Blog')]
    const index = indexNotebook({ annotations: [], sources: graded })
    expect(effectiveReliability(graded[1]!, index)).toEqual({ grade: 'B', from: 'outlet' })
    expect(effectiveReliability(graded[0]!, index)).toEqual({ grade: 'B', from: 'source' })
    expect(effectiveReliability(graded[2]!, index)).toEqual({ grade: 'F', from: 'default' })
  })

  it('suggests credibility from independent origins', () => {
    const count = (s: number, c: number) => ({
      supports: { outlets: s, origins: s },
      contradicts: { outlets: c, origins: c },
      mentions: { outlets: 0, origins: 0 },
    })
    expect(suggestCredibility(count(0, 0), []).grade).toBe(6)
    expect(suggestCredibility(count(0, 2), []).grade).toBe(5)
    expect(suggestCredibility(count(2, 0), ['F']).grade).toBe(1)
    expect(suggestCredibility(count(1, 0), ['B']).grade).toBe(2)
    expect(suggestCredibility(count(1, 0), ['E']).grade).toBe(3)
    expect(suggestCredibility(count(3, 1), []).grade).toBe(3)
    expect(suggestCredibility(count(1, 1), []).grade).toBe(4)
  })
})

describe('claims x sources matrix', () => {
  it('has a column per source that speaks to a claim and the quoted words in each cell', () => {
    const matrix = buildMatrix({
      claims: [claim],
      annotations,
      sources: [...sources, source('silent', 'BBC')],
    })
    expect(matrix.sources.map((s) => s.id)).toEqual(['ap', 'cbs', 'wion', 'ijr', 'cnn'])
    const cnn = matrix.cells.get(cellKey('c1', 'cnn'))!
    expect(cnn).toEqual([
      { annotationId: 'a5', stance: 'contradicts', quote: '12,000 troops', attributedTo: '' },
    ])
    expect(cellStance(cnn)).toBe('contradicts')
    expect(cellStance([...cnn, { ...cnn[0]!, stance: 'supports' }])).toBe('mixed')
    expect(matrix.cells.has(cellKey('c1', 'silent'))).toBe(false)
  })
})
