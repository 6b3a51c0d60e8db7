import { describe, expect, it } from 'vitest'
import { sourceFixture } from '../../../shared/testing/fixtures'
import { filterChoices, withFilter } from './search-filter-choices'

describe('search filter choices', () => {
  it('offers one select per filter, with tags and sources from the notebook', () => {
    const choices = filterChoices(
      [{ id: 't1', name: 'troop numbers' }],
      [sourceFixture('s1', { outlet: 'AP', title: 'Troops' })],
    )
    expect(choices.map((c) => c.label)).toEqual([
      'Type',
      'Kind',
      'Tag',
      'Source',
      'Reliability',
      'Stance',
      'Grade',
    ])
    expect(choices.find((c) => c.key === 'tagIds')?.options).toEqual([
      { value: 't1', label: 'troop numbers' },
    ])
    expect(choices.find((c) => c.key === 'sourceIds')?.options).toEqual([
      { value: 's1', label: 'AP: Troops' },
    ])
  })

  it('sets one value per filter (credibility as a number) and clears it with the empty choice', () => {
    const set = withFilter(withFilter({}, 'credibility', '3'), 'stances', 'contradicts')
    expect(set).toEqual({ credibility: [3], stances: ['contradicts'] })
    expect(withFilter(set, 'credibility', '')).toEqual({ stances: ['contradicts'] })
  })
})
