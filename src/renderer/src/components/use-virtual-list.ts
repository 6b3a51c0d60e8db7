/**
 * A long list that draws only the rows in view (plus a few either side), with @tanstack/react-virtual.
 * The list scrolls in its own box (the caller's `scrollRef`, on the element around the list); rows are placed absolutely and measured as drawn, so
 * they may differ in height and grow (a card opening its link form). Rows that must stay in the DOM
 * whatever the scroll position are kept drawn: the one holding focus (else focus would fall to the
 * page when it scrolls away) and any the caller names (the selected one). Each row says its place
 * (aria-posinset of aria-setsize), so a screen reader knows the list's true length.
 */
import { defaultRangeExtractor, useVirtualizer, type Range, type VirtualItem } from '@tanstack/react-virtual'
import {
  useCallback,
  useLayoutEffect,
  useState,
  type CSSProperties,
  type FocusEvent,
  type Key,
  type RefObject,
} from 'react'

/** Room around the rows for their focus outlines, which the scroll box would otherwise clip. */
const EDGE = 3

interface Options {
  scrollRef: RefObject<HTMLElement | null>
  count: number
  /** A row's height before it is measured, in pixels. */
  estimateSize: number
  getItemKey(index: number): Key
  /** Space between rows, in pixels. */
  gap?: number
  /** Rows kept drawn wherever the list is scrolled (out-of-range and null entries are ignored). */
  keep?: readonly (number | null | undefined)[]
}

/** What a drawn row needs on its element. */
export interface VirtualRow {
  index: number
  key: Key
  ref(element: HTMLElement | null): void
  'data-index': number
  'aria-setsize': number
  'aria-posinset': number
  style: CSSProperties
}

export function useVirtualList({ scrollRef, count, estimateSize, getItemKey, gap = 0, keep = [] }: Options) {
  const [focusedIndex, setFocusedIndex] = useState<number | null>(null)
  const kept = [...keep, focusedIndex].filter((i): i is number => i != null && i >= 0 && i < count)
  const keptKey = kept.join(',')
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = new Set(defaultRangeExtractor(range))
      for (const index of keptKey ? keptKey.split(',').map(Number) : []) indexes.add(index)
      return [...indexes].sort((a, b) => a - b)
    },
    [keptKey],
  )
  // The virtualizer is one mutable instance that re-renders this hook's caller itself: nothing here
  // may be memoized around it (the React Compiler, were it on, would skip this hook for that reason).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateSize,
    getItemKey,
    gap,
    overscan: 8,
    paddingStart: EDGE,
    paddingEnd: EDGE,
    rangeExtractor,
  })

  const row = (item: VirtualItem): VirtualRow => ({
    index: item.index,
    key: item.key as Key,
    ref: virtualizer.measureElement,
    'data-index': item.index,
    'aria-setsize': count,
    'aria-posinset': item.index + 1,
    style: { transform: `translateY(${item.start}px)` },
  })

  // Focus that moves to a row not drawn yet: draw it (kept), then focus it once it is in the DOM.
  const [focusRequest, setFocusRequest] = useState<{ index: number; selector: string } | null>(null)
  useLayoutEffect(() => {
    if (!focusRequest) return
    virtualizer.scrollToIndex(focusRequest.index)
    const row = scrollRef.current?.querySelector(`[data-index="${focusRequest.index}"]`)
    row?.querySelector<HTMLElement>(focusRequest.selector)?.focus({ preventScroll: true })
    setFocusRequest(null)
  }, [focusRequest, virtualizer, scrollRef])
  const focusRow = useCallback((index: number, selector: string) => {
    setFocusedIndex(index)
    setFocusRequest({ index, selector })
  }, [])

  const listProps = {
    style: { height: virtualizer.getTotalSize() } as CSSProperties,
    onFocus: (event: FocusEvent<HTMLElement>) => {
      const row = (event.target as HTMLElement).closest('[data-index]')
      if (row) setFocusedIndex(Number(row.getAttribute('data-index')))
    },
    onBlur: (event: FocusEvent<HTMLElement>) => {
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocusedIndex(null)
    },
  }

  return { virtualizer, rows: virtualizer.getVirtualItems().map(row), listProps, focusRow }
}
