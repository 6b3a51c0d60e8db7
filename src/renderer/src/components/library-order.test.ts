import { describe, expect, it } from 'vitest'
import type { Source } from '../../../shared/model'
import { sourceFixture } from '../../../shared/testing/fixtures'
import { DEFAULT_VIEW, orderSources } from './library-order'

const source = (id: string, fields: Partial<Source>) =>
  sourceFixture(id, { originalFileName: `${id}.txt`, ...fields })

const sources = [
  source('c', { title: 'Charlie', outlet: 'BBC', published: '2024-10-23', format: 'html' }),
  source('a', { title: 'alpha', outlet: '', published: '', format: 'pdf' }),
  source('b', { title: 'Bravo', outlet: 'AP', published: '2024-10-25', format: 'html' }),
]
const counts = new Map([
  ['a', 3],
  ['c', 1],
])
const ids = (list: Source[]) => list.map((s) => s.id)

describe('orderSources', () => {
  it('keeps import order by default', () => {
    expect(ids(orderSources(sources, counts, DEFAULT_VIEW))).toEqual(['c', 'a', 'b'])
  })
  it('sorts by title ignoring case, by date newest first, unknown outlets and dates last', () => {
    expect(ids(orderSources(sources, counts, { ...DEFAULT_VIEW, sort: 'title' }))).toEqual(['a', 'b', 'c'])
    expect(ids(orderSources(sources, counts, { ...DEFAULT_VIEW, sort: 'published' }))).toEqual([
      'b',
      'c',
      'a',
    ])
    expect(ids(orderSources(sources, counts, { ...DEFAULT_VIEW, sort: 'outlet' }))).toEqual(['b', 'c', 'a'])
  })
  it('sorts by annotation count and filters by format and words', () => {
    expect(ids(orderSources(sources, counts, { ...DEFAULT_VIEW, sort: 'annotations' }))).toEqual([
      'a',
      'c',
      'b',
    ])
    expect(ids(orderSources(sources, counts, { ...DEFAULT_VIEW, format: 'html' }))).toEqual(['c', 'b'])
    expect(ids(orderSources(sources, counts, { ...DEFAULT_VIEW, query: 'bbc char' }))).toEqual(['c'])
  })
})
