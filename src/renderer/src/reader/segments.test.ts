import { describe, expect, it } from 'vitest'
import { layoutText, lineBlocks } from './segments'

describe('lineBlocks', () => {
  it('makes one paragraph per non-empty line, in offsets of the whole text', () => {
    const text = 'Headline\n\nFirst para.\n  \nSecond.'
    const blocks = lineBlocks(text)
    expect(blocks.map((b) => text.slice(b.start, b.end))).toEqual(['Headline', 'First para.', 'Second.'])
  })
})

describe('layoutText', () => {
  const text = 'Alpha beta gamma.\nDelta epsilon.'

  it('cuts blocks at highlight edges and keeps every character exactly once', () => {
    const laid = layoutText(text, [{ id: 'a', kind: 'claim', start: 6, end: 24 }])
    const rebuilt = laid.map((b) => b.segments.map((s) => s.text).join('')).join('\n')
    expect(rebuilt).toBe(text)
    const covered = laid.flatMap((b) => b.segments.filter((s) => s.highlights.length).map((s) => s.text))
    expect(covered).toEqual(['beta gamma.', 'Delta '])
  })

  it('orders overlapping highlights innermost last', () => {
    const laid = layoutText(text, [
      { id: 'outer', kind: 'note', start: 0, end: 17 },
      { id: 'inner', kind: 'claim', start: 6, end: 10 },
    ])
    const beta = laid[0]!.segments.find((s) => s.text === 'beta')!
    expect(beta.highlights.map((h) => h.id)).toEqual(['outer', 'inner'])
  })

  it('marks link text with its target, and uses the given blocks', () => {
    const laid = layoutText(
      text,
      [],
      [{ type: 'heading', level: 1, start: 0, end: 17 }],
      [{ start: 6, end: 10, href: 'https://example.com/' }],
    )
    expect(laid).toHaveLength(1)
    expect(laid[0]!.type).toBe('heading')
    expect(laid[0]!.segments.find((s) => s.href)?.text).toBe('beta')
  })

  it('drops blocks that do not fit the text instead of rendering garbage', () => {
    expect(layoutText('short', [], [{ type: 'paragraph', start: 0, end: 50 }])).toEqual([])
  })
})
