import { describe, expect, it } from 'vitest'
import { chunkText } from './chunk'
import { parseQuery, phrasePattern } from './query'
import { snippetAround } from './snippet'
import { firstTokenIn, firstTokenWordByWord, processTerm, tokenize } from './tokenize'
import { seededRandom } from '../testing/seeded-random'

describe('tokenize and processTerm', () => {
  const terms = (text: string) => tokenize(text).map(processTerm)

  it('keeps numbers whole and drops thousands separators', () => {
    expect(terms('3,000 troops, 1.5 km, 12,000.50 won; 2024.')).toEqual([
      '3000',
      'troops',
      '1.5',
      'km',
      '12000.50',
      'won',
      '2024',
    ])
  })
  it('folds case, diacritics, possessives and apostrophes', () => {
    expect(terms("Kirby’s KYÏV don’t Moscow's")).toEqual(['kirby', 'kyiv', 'dont', 'moscow'])
  })
  it('is idempotent, as MiniSearch reprocesses query terms', () => {
    for (const term of terms('Kirby’s 3,000 Pyongyang Zürich')) expect(processTerm(term!)).toBe(term)
  })
})

describe('chunkText', () => {
  const paragraph = (n: number) => `Sentence ${n} says something about troops. `.repeat(12).trim()
  const text = [paragraph(1), '', paragraph(2), paragraph(3), 'x'.repeat(2500)].join('\n')
  const chunks = chunkText(text, 1000)

  it('covers every non-blank character once, in order, within the target', () => {
    let covered = ''
    let last = 0
    for (const { start, end } of chunks) {
      expect(start).toBeGreaterThanOrEqual(last)
      expect(end - start).toBeLessThanOrEqual(1000)
      covered += text.slice(start, end)
      last = end
    }
    expect(covered.replace(/\s/g, '')).toBe(text.replace(/\s/g, ''))
  })
  it('packs short paragraphs and cuts long ones at sentence ends', () => {
    const long = `${paragraph(4)} ${paragraph(5)} ${paragraph(6)}`
    for (const { start, end } of chunkText(long, 1000))
      expect(long.slice(start, end)).toMatch(/^Sentence.*\.$/)
    expect(chunkText('a\nb\n\nc', 1000)).toEqual([{ start: 0, end: 6 }])
    expect(chunkText('  \n \n')).toEqual([])
  })
})

describe('parseQuery and phrasePattern', () => {
  it('separates phrases from words and tells a word still being typed', () => {
    expect(parseQuery('kirby "3,000 soldiers" russ')).toEqual({
      words: ['kirby', 'russ'],
      phrases: ['3,000 soldiers'],
      lastWordIsPrefix: true,
    })
    expect(parseQuery('russia "north korea"').lastWordIsPrefix).toBe(false)
    expect(parseQuery('“north korea” ')).toEqual({
      words: [],
      phrases: ['north korea'],
      lastWordIsPrefix: false,
    })
    // An unclosed quote: the phrase is still being typed, so its words search as words.
    expect(parseQuery('"north kor')).toEqual({ words: ['north', 'kor'], phrases: [], lastWordIsPrefix: true })
  })
  it('matches a phrase across case, whitespace and apostrophe styles, keeping offsets', () => {
    const text = 'Then KIRBY’S\nSTATEMENT (1.5x) came.'
    const found = phrasePattern("kirby's statement").exec(text)
    expect(found?.index).toBe(5)
    expect(found?.[0]).toBe('KIRBY’S\nSTATEMENT')
    expect(phrasePattern('(1.5x)').test(text)).toBe(true)
  })
})

describe('snippetAround', () => {
  const text = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ')
  it('shows about 160 characters around the match, cut between words', () => {
    const start = text.indexOf('word40')
    const snippet = snippetAround(text, { start, end: start + 6 })
    expect(snippet).toMatch(/^…word\d+ .* word\d+…$/)
    expect(snippet).toContain('word40')
    expect(snippet.length).toBeLessThanOrEqual(162)
  })
  it('shows the opening without a match, and whole short texts as they are', () => {
    expect(snippetAround(text, null)).toMatch(/^word0 word1 .*…$/)
    expect(snippetAround('Short\n\ntext.', { start: 0, end: 5 })).toBe('Short text.')
  })
})

describe('firstTokenIn', () => {
  // The substring shortcut must find exactly the word reading word by word finds.
  it('finds the same word with and without the shortcut', () => {
    const words = [
      'troops',
      'troop',
      'Troops',
      'stroops',
      'russia',
      'Russian',
      'prussia',
      '3,000',
      'k9',
      'the',
    ]
    const odd = ['Kirby’s', 'Kyïv', "don't", 'dont', 'Kirby', 'kyiv', 'RUSSIA’S']
    const terms = ['troops', 'troop', 'russia', 'russian', 'kirby', 'kyiv', 'dont']
    const next = seededRandom(7)
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!
    for (let run = 0; run < 3000; run++) {
      const text = Array.from({ length: 12 }, () => (next() < 0.15 ? pick(odd) : pick(words))).join(
        pick(['. ', ' ', '-', ', ', '\n', ' “', '\u00a0']),
      )
      const [preferred, fallback] = [0, 1].map(() => new Set(terms.filter(() => next() < 0.3)))
      expect(firstTokenIn(text, preferred!, fallback!), text).toEqual(
        firstTokenWordByWord(text, preferred!, fallback!),
      )
    }
  })
})
