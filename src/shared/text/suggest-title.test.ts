import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { suggestTitle, truncateAtWord } from './suggest-title'

// The five seed reports ship with the app as its sample notebook, so they are always here.
const seed = (name: string) =>
  readFileSync(new URL(`../../../resources/sample/${name}`, import.meta.url), 'utf8')

describe('suggestTitle on the seed reports', () => {
  it('takes the headline on the first line (seeds 000, 003, 004)', () => {
    expect(suggestTitle(seed('000_0fc4dfd4ef4d2d56.txt'))).toEqual({
      title: 'US says North Korean troops are now in Russia',
      fromHeadline: true,
      outlet: '',
    })
    expect(suggestTitle(seed('003_b43ba051ed14bbce.txt')).title).toBe(
      'U.S. “seeing evidence” of North Korean troops in Russia as Ukraine war rages, Defense chief Lloyd Austin says',
    )
    expect(suggestTitle(seed('004_a4fe718e7c600af5.txt')).title).toBe(
      'Thousands of North Korean Troops Reportedly Deployed to Russia, US Claims',
    )
  })

  it('prefills from the first sentence when the text starts with a dateline (seed 001)', () => {
    const suggestion = suggestTitle(seed('001_83e5dde8b94cbfda.txt'))
    expect(suggestion.fromHeadline).toBe(false)
    expect(suggestion.outlet).toBe('Associated Press')
    expect(suggestion.title).toBe(
      'U.S. Defense Secretary Lloyd Austin confirmed Monday that North Korea has sent troops to Russia.',
    )
  })

  it('prefills from the first sentence when the first line is a sentence (seed 002)', () => {
    const suggestion = suggestTitle(seed('002_a4871556e040079a.txt'))
    expect(suggestion.fromHeadline).toBe(false)
    expect(suggestion.title).toBe(
      'North Korean Dictator Kim Jong-Un has sent troops to Russia, the Pentagon confirmed Wednesday.',
    )
  })
})

describe('suggestTitle edge cases', () => {
  it('never returns an empty title', () => {
    expect(suggestTitle('').title).toBe('Untitled source')
    expect(suggestTitle('   \n\n ').title).toBe('Untitled source')
  })

  it('does not take a one-line text as its own headline, and truncates long sentences at a word', () => {
    const long = 'word '.repeat(60).trim() + '.'
    const { title, fromHeadline } = suggestTitle(long)
    expect(fromHeadline).toBe(false)
    expect(title.length).toBeLessThanOrEqual(100)
    expect(title.endsWith('…')).toBe(true)
    expect(title).not.toMatch(/wor…$/)
  })

  it('truncateAtWord leaves short text alone', () => {
    expect(truncateAtWord('short', 10)).toBe('short')
  })
})
