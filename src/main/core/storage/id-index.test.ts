import { describe, expect, it } from 'vitest'
import { carryIndex, draftArray, positionOf } from './id-index'

const records = (ids: string[]) => ids.map((id) => ({ id }))

describe('the id index', () => {
  it('finds records in a committed array and in drafts of it, after removals, sorts and appends', () => {
    const committed = records(['a', 'b', 'c', 'd'])
    expect(positionOf(committed, 'c')).toBe(2)
    const draft = draftArray(committed)
    expect(positionOf(draft, 'd')).toBe(3)
    draft.splice(1, 1) // b removed: the base's positions are stale for c and d
    expect(positionOf(draft, 'c')).toBe(1)
    expect(positionOf(draft, 'd')).toBe(2)
    expect(positionOf(draft, 'b')).toBe(-1)
    draft.reverse()
    expect(draft.map((_, i) => positionOf(draft, draft[i]!.id))).toEqual([0, 1, 2])
  })

  it('carries an index to the next commit when records only were replaced or appended', () => {
    const before = records(['a', 'b'])
    positionOf(before, 'a') // builds the index
    const after = [...before.slice(0, 1), { id: 'b' }, { id: 'c' }]
    carryIndex(before, after)
    expect(positionOf(after, 'c')).toBe(2)
    expect(positionOf(after, 'b')).toBe(1)
    expect(positionOf(after, 'zzz')).toBe(-1)
  })
})
