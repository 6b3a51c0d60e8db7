/**
 * The colour theme: System (follow the OS's prefers-color-scheme), Light or Dark. The choice is kept
 * in localStorage; the theme in force is written to <html data-theme>, which the CSS custom
 * properties in styles.css key on. System is resolved here (not in a CSS media query) so that one
 * block of dark colours serves both "Dark" and "System on a dark OS".
 */
export const THEME_CHOICES = ['system', 'light', 'dark'] as const
export type ThemeChoice = (typeof THEME_CHOICES)[number]
export type Theme = 'light' | 'dark'

export const THEME_STORAGE_KEY = 'corroborate.theme'
const DARK_QUERY = '(prefers-color-scheme: dark)'

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (THEME_CHOICES as readonly string[]).includes(value)
}

export function storedThemeChoice(storage: Pick<Storage, 'getItem'> | undefined): ThemeChoice {
  try {
    const value = storage?.getItem(THEME_STORAGE_KEY)
    return isThemeChoice(value) ? value : 'system'
  } catch {
    // Storage can be unavailable (privacy settings): fall back to following the OS.
    return 'system'
  }
}

export function resolveTheme(choice: ThemeChoice, osPrefersDark: boolean): Theme {
  return choice === 'system' ? (osPrefersDark ? 'dark' : 'light') : choice
}

export function osPrefersDark(): boolean {
  return window.matchMedia(DARK_QUERY).matches
}

/** Writes the theme in force to the document (before React renders too, so there is no flash). */
export function applyTheme(choice: ThemeChoice): Theme {
  const theme = resolveTheme(choice, osPrefersDark())
  document.documentElement.dataset['theme'] = theme
  return theme
}

/** Calls `onChange` when the OS switches between light and dark. */
export function watchOsTheme(onChange: () => void): () => void {
  const query = window.matchMedia(DARK_QUERY)
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}
