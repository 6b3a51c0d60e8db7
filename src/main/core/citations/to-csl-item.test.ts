import { describe, expect, it } from 'vitest'
import { toCslDate, toCslItem, toCslNames } from './to-csl-item'

describe('toCslItem', () => {
  it('maps a news article onto CSL-JSON', () => {
    expect(
      toCslItem({
        id: 'ap-1',
        title: 'North Korea has sent troops to Russia, US says',
        outlet: 'Associated Press',
        author: 'Hyung-Jin Kim',
        published: '2024-10-23',
        url: 'https://apnews.com/article/x',
        accessed: '2024-10-24T08:15:00Z',
        page: 2,
        type: 'article-newspaper',
      }),
    ).toEqual({
      id: 'ap-1',
      type: 'article-newspaper',
      title: 'North Korea has sent troops to Russia, US says',
      'container-title': 'Associated Press',
      author: [{ family: 'Kim', given: 'Hyung-Jin' }],
      issued: { 'date-parts': [[2024, 10, 23]] },
      accessed: { 'date-parts': [[2024, 10, 24]] },
      URL: 'https://apnews.com/article/x',
    })
  })

  it('leaves unknown fields absent rather than empty', () => {
    expect(
      toCslItem({
        id: 'x',
        title: ' ',
        outlet: '',
        author: '',
        published: '',
        url: '',
        accessed: '',
        type: 'document',
      }),
    ).toEqual({ id: 'x', type: 'document' })
  })
})

describe('toCslNames', () => {
  it('splits the last word off as the family name', () => {
    expect(toCslNames('Hyung-Jin Kim')).toEqual([{ family: 'Kim', given: 'Hyung-Jin' }])
    expect(toCslNames('Ludwig van Beethoven')).toEqual([{ family: 'Beethoven', given: 'Ludwig van' }])
  })

  it('reads bylines, co-authors, family-first names and suffixes', () => {
    expect(toCslNames('By Hyung-Jin Kim and Jim Heintz')).toEqual([
      { family: 'Kim', given: 'Hyung-Jin' },
      { family: 'Heintz', given: 'Jim' },
    ])
    expect(toCslNames('Kim, Hyung-Jin')).toEqual([{ family: 'Kim', given: 'Hyung-Jin' }])
    expect(toCslNames('Martin Luther King Jr.')).toEqual([
      { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
    ])
  })

  it('keeps a single word whole and an empty byline absent', () => {
    expect(toCslNames('Reuters')).toEqual([{ literal: 'Reuters' }])
    expect(toCslNames('  ')).toBeUndefined()
  })
})

describe('toCslDate', () => {
  it('reads dates of any precision and the calendar date of a timestamp', () => {
    expect(toCslDate('2024')).toEqual({ 'date-parts': [[2024]] })
    expect(toCslDate('2024-10')).toEqual({ 'date-parts': [[2024, 10]] })
    expect(toCslDate('2024-10-23T23:30:00-04:00')).toEqual({ 'date-parts': [[2024, 10, 23]] })
  })

  it('keeps the valid part of an impossible date and rejects non-dates', () => {
    expect(toCslDate('2023-02-29')).toEqual({ 'date-parts': [[2023, 2]] })
    expect(toCslDate('2024-13-01')).toEqual({ 'date-parts': [[2024]] })
    expect(toCslDate('')).toBeUndefined()
    expect(toCslDate('yesterday')).toBeUndefined()
    expect(toCslDate('20241023')).toBeUndefined()
  })
})
