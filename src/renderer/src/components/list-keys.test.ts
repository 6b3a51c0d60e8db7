import { describe, expect, it } from 'vitest'
import { listKeyTarget } from './list-keys'

describe('keys in a long list', () => {
  it('moves by one, by a page and to the ends, never past them', () => {
    expect(listKeyTarget('ArrowDown', 0, 2000, 10)).toBe(1)
    expect(listKeyTarget('ArrowDown', 1999, 2000, 10)).toBe(1999)
    expect(listKeyTarget('ArrowUp', 0, 2000, 10)).toBe(0)
    expect(listKeyTarget('PageDown', 1995, 2000, 10)).toBe(1999)
    expect(listKeyTarget('PageUp', 25, 2000, 10)).toBe(15)
    expect(listKeyTarget('End', 3, 2000, 10)).toBe(1999)
    expect(listKeyTarget('Home', 1500, 2000, 10)).toBe(0)
  })

  it('leaves other keys, and an empty list, alone', () => {
    expect(listKeyTarget('Enter', 3, 2000, 10)).toBeNull()
    expect(listKeyTarget('ArrowDown', 0, 0, 10)).toBeNull()
  })
})
