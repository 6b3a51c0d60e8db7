import { describe, expect, it } from 'vitest'
import { carryIndex, draftArray, indexList, positionOf } from './id-index'

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

  it('carries an index to the next commit: replacements and appends placed, removed ids dropped', () => {
    const before = records(['a', 'b'])
    positionOf(before, 'a') // builds the index
    const newB = { id: 'b' }
    const c = { id: 'c' }
    const after = [...before.slice(0, 1), newB, c]
    carryIndex(before, after, { added: [newB, c], removed: [before[1]!] })
    expect(positionOf(after, 'c')).toBe(2)
    expect(positionOf(after, 'b')).toBe(1)
    expect(positionOf(after, 'zzz')).toBe(-1)
  })

  it('finds records a removal or a sort moved, near where they were, after the index is carried', () => {
    const before = records(Array.from({ length: 50 }, (_, i) => `r${String(i).padStart(2, '0')}`))
    indexList(before)
    const inserted = { id: 'r10a' }
    const after = [...before.slice(0, 5), ...before.slice(6, 11), inserted, ...before.slice(11)]
    carryIndex(before, after, { added: [inserted], removed: [before[5]!] })
    expect(after.map((record) => positionOf(after, record.id))).toEqual(after.map((_, i) => i))
    expect(positionOf(after, 'r05')).toBe(-1)
    // The older array still finds its own records through the shared index.
    expect(before.map((record) => positionOf(before, record.id))).toEqual(before.map((_, i) => i))
  })
})
