import { describe, expect, it } from 'vitest'
import { resolveTheme, storedThemeChoice, THEME_STORAGE_KEY } from './theme'

const storage = (value: string | null) => ({
  getItem: (key: string) => (key === THEME_STORAGE_KEY ? value : null),
})

describe('theme choice', () => {
  it('follows the OS unless the user chose', () => {
    expect(resolveTheme('system', true)).toBe('dark')
    expect(resolveTheme('system', false)).toBe('light')
    expect(resolveTheme('light', true)).toBe('light')
    expect(resolveTheme('dark', false)).toBe('dark')
  })

  it('reads a stored choice and ignores anything else', () => {
    expect(storedThemeChoice(storage('dark'))).toBe('dark')
    expect(storedThemeChoice(storage('purple'))).toBe('system')
    expect(storedThemeChoice(storage(null))).toBe('system')
    expect(storedThemeChoice(undefined)).toBe('system')
    expect(
      storedThemeChoice({
        getItem: () => {
          throw new Error('denied')
        },
      }),
    ).toBe('system')
  })
})
