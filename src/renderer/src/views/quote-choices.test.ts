import { describe, expect, it } from 'vitest'
import { annotationFixture } from '../../../shared/testing/fixtures'
import { quoteChoices } from './quote-choices'

const annotations = Array.from({ length: 2500 }, (_, i) =>
  annotationFixture(`a${i}`, 's', i % 2 ? `${i} North Korean troops` : `${i} soldiers in Kursk`, {
    comment: i === 7 ? 'check against the wire' : '',
  }),
)

describe("the brief's quote picker", () => {
  it('offers at most the limit, in notebook order, and counts the rest', () => {
    const { choices, more } = quoteChoices(annotations, '', 100)
    expect(choices.map((a) => a.id)).toEqual(annotations.slice(0, 100).map((a) => a.id))
    expect(more).toBe(2400)
  })

  it('narrows to quotes (or comments) holding every word typed, in any case', () => {
    expect(quoteChoices(annotations, 'KURSK 1000', 100)).toEqual({ choices: [annotations[1000]], more: 0 })
    expect(quoteChoices(annotations, 'korean', 100).more).toBe(1150)
    expect(quoteChoices(annotations, 'wire', 100)).toEqual({ choices: [annotations[7]], more: 0 })
  })
})
