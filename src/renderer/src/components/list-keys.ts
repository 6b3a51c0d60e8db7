/**
 * Where a key moves focus in a vertical list of `count` rows, from row `at`: ↑/↓ by one, Page Up/Down
 * by a screenful (`pageSize` rows), Home/End to the ends. Null for any other key. Pure, so the
 * virtualized lists share it and it is tested without a browser.
 */
export function listKeyTarget(key: string, at: number, count: number, pageSize: number): number | null {
  if (count === 0) return null
  const last = count - 1
  const clamp = (index: number) => Math.max(0, Math.min(last, index))
  switch (key) {
    case 'ArrowDown':
      return clamp(at + 1)
    case 'ArrowUp':
      return clamp(at - 1)
    case 'PageDown':
      return clamp(at + pageSize)
    case 'PageUp':
      return clamp(at - pageSize)
    case 'Home':
      return 0
    case 'End':
      return last
    default:
      return null
  }
}
