/**
 * The ARIA toolbar pattern: the toolbar is one Tab stop; ←/→ (and Home/End) move between its
 * buttons, and Tab returns to the one last used. Disabled buttons are skipped. Tab order is set on
 * the DOM after every render, so buttons written inline in JSX need no bookkeeping of their own.
 */
import {
  useCallback,
  useLayoutEffect,
  useRef,
  type FocusEvent,
  type KeyboardEvent,
  type RefObject,
} from 'react'

const KEYS: Record<string, (at: number, count: number) => number> = {
  ArrowRight: (at, count) => (at + 1) % count,
  ArrowLeft: (at, count) => (at - 1 + count) % count,
  Home: () => 0,
  End: (_at, count) => count - 1,
}

/** `ref` is the toolbar element; spread the returned handlers on it. */
export function useRovingFocus<T extends HTMLElement>(ref: RefObject<T | null>) {
  const current = useRef(0)
  const items = useCallback(
    () => [...(ref.current?.querySelectorAll<HTMLElement>('button:not(:disabled)') ?? [])],
    [ref],
  )
  const settle = useCallback(() => {
    const list = items()
    const at = Math.min(current.current, list.length - 1)
    list.forEach((item, index) => (item.tabIndex = index === at ? 0 : -1))
  }, [items])
  useLayoutEffect(settle)

  const onFocus = useCallback(
    (event: FocusEvent<T>) => {
      const at = items().indexOf(event.target as HTMLElement)
      if (at < 0) return
      current.current = at
      settle()
    },
    [items, settle],
  )
  const onKeyDown = useCallback(
    (event: KeyboardEvent<T>) => {
      const move = KEYS[event.key]
      const list = items()
      const at = list.indexOf(event.target as HTMLElement)
      if (!move || at < 0 || event.altKey || event.ctrlKey || event.metaKey) return
      event.preventDefault()
      list[move(at, list.length)]?.focus()
    },
    [items],
  )
  return { onFocus, onKeyDown }
}
