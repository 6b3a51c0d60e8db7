import { describe, expect, it } from 'vitest'
import { firstSentence } from './first-sentence'

describe('firstSentence', () => {
  // Each case is what compromise's sentence splitter, which titles used before, gives as well.
  it.each([
    [
      'U.S. Defense Secretary Lloyd Austin confirmed Monday. Then more.',
      'U.S. Defense Secretary Lloyd Austin confirmed Monday.',
    ],
    ['Mr. Smith went to Washington. He said hi.', 'Mr. Smith went to Washington.'],
    ['It was 3.5 times bigger. Then.', 'It was 3.5 times bigger.'],
    ['He said “No.” She left.', 'He said “No.” She left.'],
    ['Gen. Lloyd J. Austin III said so. Next.', 'Gen. Lloyd J. Austin III said so.'],
    ['The U.N. met. The E.U. too.', 'The U.N. met.'],
    [
      'Troops arrived at 5 p.m. Monday, officials said. Next.',
      'Troops arrived at 5 p.m. Monday, officials said.',
    ],
    ['Is it? Yes! OK… fine. Next one', 'Is it?'],
    ['He met Dr. No and St. Louis officials. Next', 'He met Dr. No and St. Louis officials.'],
    ['See www.example.com. Next', 'See www.example.com.'],
    ['Something ends here.Next starts', 'Something ends here.Next starts'],
    ['No full stop at all', 'No full stop at all'],
  ])('%s', (line, sentence) => expect(firstSentence(line)).toBe(sentence))

  it('reads a bounded prefix of a huge line, in time proportional to that prefix', () => {
    const huge = 'word '.repeat(2_000_000)
    expect(firstSentence(huge)).toBe(huge.slice(0, 1000))
    const late = `${'a '.repeat(600)}end. Next`
    expect(firstSentence(late)).toBe(late.slice(0, 1000))
  })
})
