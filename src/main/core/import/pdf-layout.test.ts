import { describe, expect, it } from 'vitest'
import {
  continuesParagraph,
  joinGroups,
  joinLines,
  type LaidOutParagraph,
  layoutPage,
  type TextRun,
} from './pdf-layout'

/** An upright run in display space (y down), its width estimated at half an em per character. */
function run(text: string, x: number, y: number, size = 10, width = text.length * size * 0.5): TextRun {
  return { text, transform: [size, 0, 0, -size, x, y], width }
}

/** One run per line, `spacing` apart from `top`. */
function column(lines: readonly string[], x: number, top: number, spacing = 12, size = 10): TextRun[] {
  return lines.map((text, i) => run(text, x, top + i * spacing, size))
}

const texts = (paragraphs: readonly LaidOutParagraph[]): string[] => paragraphs.map((p) => p.text)

describe('lines', () => {
  it('joins runs on one baseline, spacing them by their gaps', () => {
    const page = layoutPage([
      run('Hello', 50, 100, 10, 25),
      run('world', 77, 100, 10, 25), // 2 pt gap: under a quarter em, but...
      run(' ', 75, 100, 10, 2), // ...pdf.js said there is a space
      run('again', 112, 100, 10, 25), // 10 pt gap: a space
      run('s', 137.2, 100, 10, 5), // touching: the same word
    ])
    expect(texts(page)).toEqual(['Hello world agains'])
  })

  it('keeps a raised footnote mark on its line, whichever is drawn first', () => {
    const page = layoutPage([
      run('3', 120, 96, 7, 3.5),
      run('The claim rests on a survey', 50, 100, 10, 70),
      run('of two hundred households.', 50, 112, 10, 70),
    ])
    expect(texts(page)).toEqual(['The claim rests on a survey3 of two hundred households.'])
  })

  it('reads the runs of an RTL line right to left', () => {
    const page = layoutPage([
      { ...run('עולם', 50, 100, 10, 20), dir: 'rtl' },
      { ...run('שלום', 80, 100, 10, 20), dir: 'rtl' },
    ])
    expect(texts(page)).toEqual(['שלום עולם'])
  })
})

describe('paragraphs', () => {
  it('breaks on a gap wider than the line spacing, even when most paragraphs are one line', () => {
    // fake-memo.pdf's shape: one-line paragraphs a blank line apart, one paragraph of two lines.
    const page = layoutPage([
      run('May 5, 2023', 72, 100, 11),
      run('To Whom it May Concern:', 72, 124, 11),
      run('There were 20,000 bottles of water delivered on January 23,', 72, 148, 11),
      run('2023. A total of 3 trucks were used.', 72, 160, 11),
      run('Best Regards,', 72, 184, 11),
    ])
    expect(texts(page)).toEqual([
      'May 5, 2023',
      'To Whom it May Concern:',
      'There were 20,000 bottles of water delivered on January 23, 2023. A total of 3 trucks were used.',
      'Best Regards,',
    ])
  })

  it('breaks at an indented first line, and marks it fresh', () => {
    const lines = [
      run('The first paragraph runs over two lines of', 72, 100),
      run('text without any gap below.', 72, 112),
      run('A second one starts with an indent', 84, 124),
      run('and carries on here.', 72, 136),
    ]
    const page = layoutPage(lines)
    expect(texts(page)).toEqual([
      'The first paragraph runs over two lines of text without any gap below.',
      'A second one starts with an indent and carries on here.',
    ])
    expect(page.map((p) => p.fresh)).toEqual([false, true])
  })

  it('keeps an indented block quote whole, and starts a list item at its bullet', () => {
    const page = layoutPage([
      run('As the report puts it:', 72, 100),
      run('the sign helps the greengrocer to conceal the low', 96, 124),
      run('foundations of his obedience.', 96, 136),
      run('• first point of the list', 72, 160),
      run('• second point of the list', 72, 172),
    ])
    expect(texts(page)).toEqual([
      'As the report puts it:',
      'the sign helps the greengrocer to conceal the low foundations of his obedience.',
      '• first point of the list',
      '• second point of the list',
    ])
  })

  it('marks a short line in clearly larger type as a heading', () => {
    const page = layoutPage([
      run('Findings', 72, 80, 16),
      ...column(['Body text of the report goes on here for a', 'while, in the ordinary size.'], 72, 110),
    ])
    expect(page.map((p) => [p.kind, p.level])).toEqual([
      ['heading', 1],
      ['paragraph', undefined],
    ])
  })

  it('drops a page number closing the page', () => {
    const page = layoutPage([...column(['Some text on the page.'], 72, 100), run('12', 300, 760)])
    expect(texts(page)).toEqual(['Some text on the page.'])
  })
})

describe('hyphenation', () => {
  it('joins a word broken at a line end only before a lowercase letter', () => {
    expect(joinLines('a simple exam-', 'ple of it')).toBe('a simple example of it')
    expect(joinLines('a strong Lucene-', 'BM25 system')).toBe('a strong Lucene-BM25 system')
    expect(joinLines('pages 10-', '12')).toBe('pages 10- 12')
    expect(joinLines('a soft\u00ad', 'Hyphen')).toBe('a softHyphen')
    expect(joinLines('no hyphen', 'here')).toBe('no hyphen here')
  })

  it('applies within a paragraph', () => {
    const page = layoutPage(column(['This is an exam-', 'ple of a broken word.'], 72, 100))
    expect(texts(page)).toEqual(['This is an example of a broken word.'])
  })
})

describe('columns', () => {
  const left = [
    'Left one: the first column starts',
    'here and its first sentence runs',
    'over three lines of the page. Left',
    'two: a second sentence follows on',
    'and ends at the bottom of it all.',
    'Left three: and one more sentence',
    'to fill the column to its end.',
  ]
  const right = [
    'Right one: the second column has',
    'its own sentences, which must not',
    'be interleaved with the left ones.',
    'Right two: this one also spans a',
    'line break in the right column.',
    'Right three: the column ends with',
    'a last sentence of its own here.',
  ]

  it('reads the left column top to bottom, then the right', () => {
    // Same baselines on both sides: a line-by-line reading would interleave them.
    const page = layoutPage([...column(left, 50, 200), ...column(right, 260, 200)])
    const text = texts(page).join('\n')
    expect(text).toContain(left.join(' '))
    expect(text).toContain(right.join(' '))
    expect(text.indexOf('Left three')).toBeLessThan(text.indexOf('Right one'))
  })

  it('reads a full-width title first, and columns with offset baselines', () => {
    const page = layoutPage([
      run('A title that spans the whole width of the page', 50, 150, 14, 380),
      ...column(left, 50, 200),
      ...column(right, 260, 205),
    ])
    expect(page[0]).toMatchObject({ kind: 'heading', text: 'A title that spans the whole width of the page' })
    const text = texts(page).join('\n')
    expect(text).toContain(left.join(' '))
    expect(text).toContain(right.join(' '))
  })

  it('keeps the rows of a two-column table whole', () => {
    const labels = ['Author', 'Publisher', 'Released', 'Language', 'Pages', 'Format', 'Licence']
    const values = ['A. Writer', 'Press', '2011', 'English', '320', 'Print', 'CC BY']
    const page = layoutPage([...column(labels, 50, 100, 20), ...column(values, 200, 100, 20)])
    expect(texts(page).join(' ')).toContain('Author A. Writer Publisher Press')
  })

  it('carries a sentence from the foot of the left column to the top of the right', () => {
    const page = layoutPage([
      ...column([...left.slice(0, 6), 'and this sentence goes on into'], 50, 200),
      ...column(['the next column, where it ends.', ...right.slice(1)], 260, 200),
    ])
    expect(texts(page).join('\n')).toContain('and this sentence goes on into the next column, where it ends.')
  })
})

describe('rotation', () => {
  it('reads text drawn sideways like upright text', () => {
    // Rotated 90° clockwise in display space: the baseline runs down the page.
    const sideways = (text: string, x: number, y: number): TextRun => ({
      text,
      transform: [0, 10, 10, 0, x, y],
      width: text.length * 5,
    })
    const page = layoutPage([sideways('Second line here.', 488, 100), sideways('The first line.', 500, 100)])
    expect(texts(page)).toEqual(['The first line. Second line here.'])
  })

  it('puts a sideways margin stamp before the body', () => {
    const stamp: TextRun = { text: 'arXiv:2004.04906v3', transform: [0, -20, 20, 0, 30, 500], width: 180 }
    const page = layoutPage([...column(['Body text of the page.'], 72, 100), stamp])
    expect(texts(page)).toEqual(['arXiv:2004.04906v3', 'Body text of the page.'])
  })
})

describe('continuations', () => {
  const paragraph = (text: string, fresh = false, size = 10): LaidOutParagraph => ({
    text,
    kind: 'paragraph',
    size,
    fresh,
  })

  it('merges a paragraph cut mid-sentence, and nothing else', () => {
    expect(continuesParagraph(paragraph('results on multiple open-domain'), paragraph('QA datasets.'))).toBe(
      true,
    )
    expect(continuesParagraph(paragraph('a sentence that ended.'), paragraph('Next one.'))).toBe(false)
    expect(continuesParagraph(paragraph('goes on'), paragraph('Indented start.', true))).toBe(false)
    expect(continuesParagraph(paragraph('goes on'), paragraph('A running header', false, 8))).toBe(false)
  })

  it('joins across group boundaries only', () => {
    const joined = joinGroups([
      [paragraph('First paragraph.'), paragraph('second paragraph goes')],
      [paragraph('on here.'), paragraph('third stays apart')],
      [paragraph('Fourth.', true)],
    ])
    expect(texts(joined)).toEqual([
      'First paragraph.',
      'second paragraph goes on here.',
      'third stays apart',
      'Fourth.',
    ])
  })
})
