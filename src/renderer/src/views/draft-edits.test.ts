import { describe, expect, it } from 'vitest'
import { addItem, addSection, moveItem, newDraft } from './draft-edits'

const prose = (id: string) => ({ id, type: 'prose' as const, text: id })

describe('draft edits', () => {
  const base = () => {
    let draft = addSection(newDraft('Brief'), 'Second')
    const [first, second] = draft.sections
    draft = addItem(draft, first!.id, prose('a'))
    draft = addItem(draft, first!.id, prose('b'))
    draft = addItem(draft, second!.id, prose('c'))
    return draft
  }
  const order = (draft: ReturnType<typeof base>) => draft.sections.map((s) => s.items.map((i) => i.id))

  it('moves items within a section and across its ends by keyboard', () => {
    expect(order(moveItem(base(), 'a', { delta: 1 }))).toEqual([['b', 'a'], ['c']])
    expect(order(moveItem(base(), 'b', { delta: 1 }))).toEqual([['a'], ['b', 'c']])
    expect(order(moveItem(base(), 'c', { delta: -1 }))).toEqual([['a', 'b', 'c'], []])
    expect(order(moveItem(base(), 'a', { delta: -1 }))).toEqual([['a', 'b'], ['c']])
  })

  it('drops an item at a place in another section', () => {
    const draft = base()
    expect(order(moveItem(draft, 'a', { toSectionId: draft.sections[1]!.id, toIndex: 1 }))).toEqual([
      ['b'],
      ['c', 'a'],
    ])
  })
})
