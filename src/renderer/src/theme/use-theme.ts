/** The theme choice as React state: persisted, applied to the document, re-applied when the OS flips. */
import { useCallback, useEffect, useState } from 'react'
import { applyTheme, storedThemeChoice, THEME_STORAGE_KEY, watchOsTheme, type ThemeChoice } from './theme'

export function useTheme(): [ThemeChoice, (choice: ThemeChoice) => void] {
  const [choice, setChoice] = useState<ThemeChoice>(() => storedThemeChoice(window.localStorage))
  useEffect(() => {
    applyTheme(choice)
    if (choice !== 'system') return
    return watchOsTheme(() => applyTheme('system'))
  }, [choice])
  const choose = useCallback((next: ThemeChoice) => {
    try {
      window.localStorage.setItem(THEME_STORAGE_KEY, next)
    } catch {
      // Not persisted, but still applied for this session.
    }
    setChoice(next)
  }, [])
  return [choice, choose]
}
