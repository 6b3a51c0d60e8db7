/**
 * Keyboard paths through the open source's annotations: J/K move between them (in text order),
 * T focuses the current one's tag field, L opens its claim link form.
 */
import { useEffect } from 'react'
import { isTextField } from './undo'

export function useAnnotationKeys(
  orderedIds: readonly string[],
  selectedId: string | null,
  select: (id: string) => void,
  enabled: boolean,
): void {
  useEffect(() => {
    if (!enabled) return
    const onKey = (event: KeyboardEvent) => {
      if (isTextField(event.target) || event.ctrlKey || event.metaKey || event.altKey) return
      const key = event.key.toLowerCase()
      const at = selectedId ? orderedIds.indexOf(selectedId) : -1
      if (key === 'j' || key === 'k') {
        const next = orderedIds[key === 'j' ? Math.min(at + 1, orderedIds.length - 1) : Math.max(at - 1, 0)]
        if (next) {
          event.preventDefault()
          select(next)
          document
            .querySelector(`[data-annotation-id="${CSS.escape(next)}"]`)
            ?.scrollIntoView({ block: 'nearest' })
        }
      } else if ((key === 't' || key === 'l') && selectedId) {
        const card = document.querySelector(`[data-annotation-id="${CSS.escape(selectedId)}"]`)
        event.preventDefault()
        if (key === 't') card?.querySelector<HTMLInputElement>('input[aria-label="Add tag"]')?.focus()
        else card?.querySelector<HTMLButtonElement>('.claim-linker > button')?.click()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [orderedIds, selectedId, select, enabled])
}
