/**
 * The caret of keyboard selection (use-keyboard-selection.ts): text that is not editable shows no
 * caret of its own, so while the reader text has focus and nothing is selected, we draw one where
 * the collapsed selection sits. Decorative: the selection itself is what assistive technology reads.
 */
import { useEffect, useState, type RefObject } from 'react'

interface Position {
  top: number
  left: number
  height: number
}

function caretPosition(text: HTMLElement, frame: HTMLElement): Position | null {
  const selection = document.getSelection()
  if (document.activeElement !== text || !selection?.isCollapsed || selection.rangeCount === 0) return null
  const range = selection.getRangeAt(0)
  if (!text.contains(range.startContainer)) return null
  const rect = range.getClientRects()[0] ?? range.startContainer.parentElement?.getBoundingClientRect()
  if (!rect) return null
  const origin = frame.getBoundingClientRect()
  return { top: rect.top - origin.top, left: rect.left - origin.left, height: rect.height }
}

export function ReaderCaret({
  text,
  frame,
}: {
  text: RefObject<HTMLElement | null>
  frame: RefObject<HTMLElement | null>
}) {
  const [position, setPosition] = useState<Position | null>(null)
  useEffect(() => {
    const update = () =>
      setPosition(text.current && frame.current ? caretPosition(text.current, frame.current) : null)
    document.addEventListener('selectionchange', update)
    document.addEventListener('focusin', update)
    document.addEventListener('focusout', update)
    return () => {
      document.removeEventListener('selectionchange', update)
      document.removeEventListener('focusin', update)
      document.removeEventListener('focusout', update)
    }
  }, [text, frame])
  if (!position) return null
  return (
    <span
      className="reader-caret"
      aria-hidden="true"
      style={{ top: position.top, left: position.left, height: position.height }}
    />
  )
}
