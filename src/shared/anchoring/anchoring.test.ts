import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { anchorTarget, createTarget } from './index'

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

const ARTICLE = [
  'The council met on Tuesday to discuss the harbour budget.',
  'After a long debate, the committee approved the budget by seven votes to two.',
  'Critics said the vote was rushed and that the figures had not been audited.',
  'The mayor promised a public consultation before any work begins next spring.',
].join('\n\n')

function rangeOf(text: string, quote: string, fromIndex = 0): [number, number] {
  const start = text.indexOf(quote, fromIndex)
  if (start === -1) throw new Error(`test setup: "${quote}" not in text`)
  return [start, start + quote.length]
}

describe('createTarget', () => {
  it('records the quote, up to 32 units of context each side, and the position', () => {
    const [start, end] = rangeOf(ARTICLE, 'the committee approved the budget')
    const target = createTarget(ARTICLE, start, end)
    expect(target.quote.exact).toBe('the committee approved the budget')
    expect(target.quote.prefix).toBe(ARTICLE.slice(start - 32, start))
    expect(target.quote.suffix).toBe(ARTICLE.slice(end, end + 32))
    expect(target.position).toEqual({ type: 'TextPositionSelector', start, end })
  })

  it('clips context at the edges of the text', () => {
    const target = createTarget('short text', 0, 5)
    expect(target.quote).toEqual({ type: 'TextQuoteSelector', exact: 'short', prefix: '', suffix: ' text' })
  })

  it.each([
    ['empty', 3, 3, /empty/],
    ['reversed', 5, 3, /empty/],
    ['negative', -1, 3, /out of bounds/],
    ['past the end', 0, 999, /out of bounds/],
    ['fractional', 0.5, 3, /integers/],
    ['whitespace only', 5, 6, /whitespace/],
  ])('throws a RangeError for a range that is %s', (_name, start, end, message) => {
    expect(() => createTarget('short text', start, end)).toThrow(RangeError)
    expect(() => createTarget('short text', start, end)).toThrow(message)
  })
})

describe('anchorTarget', () => {
  it('round-trips: a fresh target anchors exactly at its own offsets', () => {
    for (const quote of ['council', 'the committee approved the budget', 'next spring.', 'The council']) {
      const [start, end] = rangeOf(ARTICLE, quote)
      const anchor = anchorTarget(ARTICLE, createTarget(ARTICLE, start, end))
      expect(anchor).toEqual({ status: 'exact', start, end })
    }
  })

  it('follows the quote when text inserted before it shifts the offsets', () => {
    const [start, end] = rangeOf(ARTICLE, 'the figures had not been audited')
    const target = createTarget(ARTICLE, start, end)
    const edited =
      'UPDATED: corrected the date of the meeting.\n\n' + ARTICLE.replace('long debate', 'debate')
    const anchor = anchorTarget(edited, target)
    const [newStart, newEnd] = rangeOf(edited, 'the figures had not been audited')
    expect(anchor).toEqual({ status: 'exact', start: newStart, end: newEnd })
  })

  it('uses prefix and suffix to pick the right one of several identical quotes', () => {
    const quote = 'the motion was carried'
    const speakers = ['Ann', 'Bob', 'Chen', 'Dana', 'Emeka', 'Farah']
    const text = speakers
      .map((name) => `At the hearing chaired by ${name}, ${quote} without dissent.`)
      .join('\n')
    const [start, end] = rangeOf(text, quote, text.indexOf('Emeka'))
    const target = createTarget(text, start, end)
    // Enough inserted text that the old offset now sits next to a different occurrence.
    const edited = 'Minutes of all six hearings follow, in the order they were held.\n' + text
    const anchor = anchorTarget(edited, target)
    const expected = rangeOf(edited, quote, edited.indexOf('Emeka'))
    expect(anchor).toEqual({ status: 'exact', start: expected[0], end: expected[1] })
  })

  it('falls back on the old position among six identical paragraphs', () => {
    const paragraph = 'Each member shall have one vote, and decisions shall be taken by a simple majority.'
    const text = Array.from({ length: 6 }, () => paragraph).join('\n\n')
    const fourth = text.indexOf(paragraph, 3 * (paragraph.length + 2))
    const [start, end] = rangeOf(text, 'one vote', fourth)
    const edited = 'Rules\n\n' + text
    const anchor = anchorTarget(edited, createTarget(text, start, end))
    expect(anchor).toEqual({ status: 'exact', start: start + 7, end: end + 7 })
  })

  it('anchors a lightly edited quote fuzzily, at the right place', () => {
    const [start, end] = rangeOf(ARTICLE, 'the committee approved the budget by seven votes to two')
    const target = createTarget(ARTICLE, start, end)
    const edited = ARTICLE.replace('committee approved', 'committee has approved')
    const anchor = anchorTarget(edited, target)
    expect(anchor.status).toBe('fuzzy')
    if (anchor.status !== 'fuzzy') return
    expect(edited.slice(anchor.start, anchor.end)).toBe(
      'the committee has approved the budget by seven votes to two',
    )
    expect(anchor.score).toBeGreaterThan(0.9)
    expect(anchor.score).toBeLessThan(1)
  })

  it('keeps the start of a quote edited at its very end (the end takes the cheapest edit)', () => {
    // As in Hypothesis, only the lowest-edit-distance matches are candidates: 'two' -> 'thr' costs 2
    // edits, 'two' -> 'three' costs 4, so the match stops short of the new word's last letters.
    const [start, end] = rangeOf(ARTICLE, 'the committee approved the budget by seven votes to two')
    const edited = ARTICLE.replace('seven votes to two', 'seven votes to three')
    const anchor = anchorTarget(edited, createTarget(ARTICLE, start, end))
    expect(anchor).toMatchObject({ status: 'fuzzy', start })
    if (anchor.status !== 'fuzzy') return
    expect(edited.slice(anchor.start, anchor.end)).toBe(
      'the committee approved the budget by seven votes to thr',
    )
  })

  it('prefers the fuzzy candidate whose context agrees', () => {
    const quote = 'prices rose by four percent'
    const text = `In March ${quote} in the north.\nIn June ${quote} in the south.`
    const [start, end] = rangeOf(text, quote, text.indexOf('June'))
    const target = createTarget(text, start, end)
    const edited = text.replaceAll('four percent', 'four per cent')
    const anchor = anchorTarget(edited, target)
    expect(anchor).toMatchObject({ status: 'fuzzy', start: edited.indexOf('prices', edited.indexOf('June')) })
  })

  it('orphans a quote whose text is gone, without throwing', () => {
    const [start, end] = rangeOf(ARTICLE, 'Critics said the vote was rushed')
    const target = createTarget(ARTICLE, start, end)
    const edited = ARTICLE.replace('Critics said the vote was rushed', 'Supporters welcomed the decision')
    expect(anchorTarget(edited, target)).toEqual({ status: 'orphan' })
    expect(anchorTarget('', target)).toEqual({ status: 'orphan' })
  })

  it('orphans a quote that has changed too much to be the same passage', () => {
    const [start, end] = rangeOf(ARTICLE, 'approved the budget by seven votes')
    const target = createTarget(ARTICLE, start, end)
    // About a third of the quote rewritten: within the search's error budget, under the acceptance bar.
    const edited = ARTICLE.replace('approved the budget by seven votes', 'approved the tender by ten ballots')
    expect(anchorTarget(edited, target)).toEqual({ status: 'orphan' })
  })

  it('ignores a stored position that is out of range or inconsistent', () => {
    const [start, end] = rangeOf(ARTICLE, 'public consultation')
    const target = createTarget(ARTICLE, start, end)
    const badPositions = [
      { start: -5, end: end - start - 5 },
      { start: ARTICLE.length + 10, end: ARTICLE.length + 29 },
      { start, end: end + 3 },
    ]
    for (const position of badPositions) {
      const anchor = anchorTarget(ARTICLE, {
        ...target,
        position: { type: 'TextPositionSelector', ...position },
      })
      expect(anchor).toEqual({ status: 'exact', start, end })
    }
  })
})

describe('astral-plane characters and combining marks', () => {
  const MIXED =
    'Math 𝐀𝐁𝐂 and smiles 😀😃 near 𠀀𠀁 (CJK Ext B), Gothic 𐌰𐌱𐌲𐌳, café with e\u0301 and n\u0303, ' +
    'Hebrew שָׁלוֹם, Arabic مَرْحَبًا, then 🇫🇷 flags and 👩‍👩‍👧 families to finish 😀.'

  it('never leaves a lone surrogate in exact, prefix or suffix, and round-trips every range', () => {
    expect(LONE_SURROGATE.test(MIXED)).toBe(false)
    let checked = 0
    for (let start = 0; start < MIXED.length; start += 1) {
      for (let end = start + 1; end <= Math.min(MIXED.length, start + 40); end += 1) {
        if (MIXED.slice(start, end).trim() === '') continue
        const target = createTarget(MIXED, start, end)
        const { exact, prefix, suffix } = target.quote
        for (const part of [exact, prefix, suffix]) expect(part).not.toMatch(LONE_SURROGATE)
        expect(prefix.length).toBeLessThanOrEqual(32)
        expect(suffix.length).toBeLessThanOrEqual(32)
        // Nudging only ever widens by the one unit needed to take a whole character.
        expect(start - target.position.start).toBeGreaterThanOrEqual(0)
        expect(start - target.position.start).toBeLessThanOrEqual(1)
        expect(target.position.end - end).toBeGreaterThanOrEqual(0)
        expect(target.position.end - end).toBeLessThanOrEqual(1)
        const anchor = anchorTarget(MIXED, target)
        expect(anchor).toEqual({ status: 'exact', start: target.position.start, end: target.position.end })
        checked += 1
      }
    }
    expect(checked).toBeGreaterThan(1000)
  })

  it('widens a range whose edges fall inside surrogate pairs', () => {
    const text = 'a😀b𠀀c'
    // 1..2 is 😀, 4..5 is 𠀀: start 2 and end 5 are both mid-character.
    const target = createTarget(text, 2, 5)
    expect(target.position).toMatchObject({ start: 1, end: 6 })
    expect(target.quote.exact).toBe('😀b𠀀')
  })

  it('shrinks the prefix rather than cut a character at its outer edge', () => {
    const text = '😀'.repeat(20) + 'x' + 'quoted words'
    const start = text.indexOf('quoted')
    expect(start - 32).toBe(9) // inside the fifth emoji
    const { prefix } = createTarget(text, start, start + 'quoted'.length).quote
    expect(prefix).toBe(text.slice(10, start))
    expect(prefix).toHaveLength(31)
  })

  it('shrinks the suffix rather than cut a character at its outer edge', () => {
    const text = 'quoted words' + 'x' + '😀'.repeat(20)
    const end = 'quoted words'.length
    const { suffix } = createTarget(text, 0, end).quote
    expect(suffix).toHaveLength(31)
    expect(suffix).not.toMatch(LONE_SURROGATE)
  })

  it('re-anchors astral text after an astral insertion before it', () => {
    const [start, end] = rangeOf(MIXED, 'Gothic 𐌰𐌱𐌲𐌳')
    const target = createTarget(MIXED, start, end)
    const edited = '😀𠀀𝐀 ' + MIXED
    expect(anchorTarget(edited, target)).toEqual({ status: 'exact', start: start + 7, end: end + 7 })
  })

  it('does not hand back half a character from a fuzzy match', () => {
    const text = 'Prelude. The ancient alphabet 𐌰𐌱𐌲𐌳𐌴𐌵 was written here. Coda.'
    const [start, end] = rangeOf(text, 'ancient alphabet 𐌰𐌱𐌲𐌳𐌴𐌵 was written')
    const target = createTarget(text, start, end)
    const edited = text.replace('ancient', 'old').replace('𐌴', '𐌶')
    const anchor = anchorTarget(edited, target)
    expect(anchor.status).toBe('fuzzy')
    if (anchor.status !== 'fuzzy') return
    expect(edited.slice(anchor.start, anchor.end)).not.toMatch(LONE_SURROGATE)
    expect(edited.slice(anchor.start, anchor.end)).toContain('alphabet 𐌰𐌱𐌲𐌳𐌶𐌵 was written')
  })
})

describe('the UDHR corpus (RTL, astral-plane scripts, combining marks)', () => {
  // The corpus lives beside the repo (../shared/corpus); CORPUS_DIR points elsewhere if needed.
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
  const corpusDir = process.env['CORPUS_DIR'] ?? join(repoRoot, '../shared/corpus')
  const udhrPath = join(corpusDir, 'txt/UDHR_first_article_all.txt')
  const exists = existsSync(udhrPath)
  if (!exists) console.warn(`Skipping UDHR anchoring test: ${udhrPath} not found (set CORPUS_DIR)`)

  it.skipIf(!exists)(
    `re-anchors ranges in hard lines exactly, before and after a line is inserted (needs ${udhrPath})`,
    () => {
      const text = readFileSync(udhrPath, 'utf8')
      const hardLine = /[\uD800-\uDBFF]|[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]|\p{M}/u
      let lineStart = 0
      const lines: { start: number; text: string }[] = []
      for (const line of text.split('\n')) {
        if (line.trim().length >= 20 && hardLine.test(line)) lines.push({ start: lineStart, text: line })
        lineStart += line.length + 1
      }
      expect(lines.length).toBeGreaterThan(50)
      expect(lines.some((line) => /[\uD800-\uDBFF]/.test(line.text))).toBe(true)

      const inserted = 'A line inserted at the top, with 😀 and שלום in it.\n'
      const shifted = inserted + text
      let anchored = 0
      for (const line of lines) {
        const n = line.text.length
        // Whole line, a leading third, a middle stretch with odd edges, and a short tail.
        const ranges: [number, number][] = [
          [0, n],
          [0, Math.ceil(n / 3)],
          [Math.floor(n / 3) + 1, Math.floor((2 * n) / 3) + 1],
          [Math.max(0, n - 12), n],
        ]
        for (const [from, to] of ranges) {
          const start = line.start + from
          const end = line.start + to
          if (text.slice(start, end).trim() === '') continue
          const target = createTarget(text, start, end)
          const { exact, prefix, suffix } = target.quote
          for (const part of [exact, prefix, suffix]) expect(part).not.toMatch(LONE_SURROGATE)

          const same = anchorTarget(text, target)
          expect(same).toEqual({ status: 'exact', start: target.position.start, end: target.position.end })

          const moved = anchorTarget(shifted, target)
          expect(moved).toEqual({
            status: 'exact',
            start: target.position.start + inserted.length,
            end: target.position.end + inserted.length,
          })
          if (moved.status === 'orphan') continue
          expect(shifted.slice(moved.start, moved.end)).toBe(exact)
          anchored += 1
        }
      }
      expect(anchored).toBeGreaterThan(200)
    },
  )
})
