/** System / Light / Dark, as a select: Tab to it, then the arrow keys (or type the first letter). */
import { isThemeChoice, THEME_CHOICES, type ThemeChoice } from './theme'

const LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' }

export function ThemePicker({ choice, onChoose }: { choice: ThemeChoice; onChoose(c: ThemeChoice): void }) {
  return (
    <label className="theme-picker">
      <span>Theme</span>
      <select
        value={choice}
        onChange={(event) => isThemeChoice(event.target.value) && onChoose(event.target.value)}
      >
        {THEME_CHOICES.map((value) => (
          <option key={value} value={value}>
            {LABELS[value]}
          </option>
        ))}
      </select>
    </label>
  )
}
