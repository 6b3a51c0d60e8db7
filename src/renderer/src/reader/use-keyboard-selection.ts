/**
 * Selecting text in the reader without a mouse, caret-browsing style: Tab into the text and a caret
 * appears at the first line in view; ←/→ move it a character, Ctrl+←/→ (Alt on macOS) a word, ↑/↓ a
 * line, Home/End to the line's edges, Ctrl+Home/End to the text's; Shift with any of them extends
 * the selection, which C or N then annotate. Escape drops the selection. The text is not editable:
 * the browser's Selection.modify walks the rendered text, and the caret is drawn by ReaderCaret.
 */
import { useCallback, type KeyboardEvent, type RefObject } from 'react'

type Granularity = 'character' | 'word' | 'line' | 'lineboundary' | 'documentboundary'

function movement(event: KeyboardEvent): [direction: string, granularity: Granularity] | null {
  const byWord = event.ctrlKey || event.altKey
  switch (event.key) {
    case 'ArrowLeft':
      return ['left', byWord ? 'word' : 'character']
    case 'ArrowRight':
      return ['right', byWord ? 'word' : 'character']
    case 'ArrowUp':
      return ['backward', 'line']
    case 'ArrowDown':
      return ['forward', 'line']
    case 'Home':
      return ['backward', event.ctrlKey ? 'documentboundary' : 'lineboundary']
    case 'End':
      return ['forward', event.ctrlKey ? 'documentboundary' : 'lineboundary']
    default:
      return null
  }
}

/** The first text run at or below the top of the scrolled view, so the caret starts where you read. */
function firstVisibleRun(root: HTMLElement): Text | null {
  const runs = [...root.querySelectorAll<HTMLElement>('[data-start]')]
  const viewTop = (root.closest('.pane') ?? root).getBoundingClientRect().top
  const run = runs.find((r) => r.getBoundingClientRect().bottom > viewTop + 60) ?? runs[0]
  return run?.firstChild instanceof Text ? run.firstChild : null
}

function caretInside(root: HTMLElement, selection: Selection): boolean {
  return selection.rangeCount > 0 && !!selection.focusNode && root.contains(selection.focusNode)
}

export function useKeyboardSelection(root: RefObject<HTMLElement | null>) {
  const placeCaret = useCallback(() => {
    const element = root.current
    const selection = document.getSelection()
    if (!element || !selection || caretInside(element, selection)) return
    const text = firstVisibleRun(element)
    if (text) selection.collapse(text, 0)
  }, [root])

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const element = root.current
      const selection = document.getSelection()
      if (!element || !selection || event.metaKey) return
      if (event.key === 'Escape' && !selection.isCollapsed) {
        event.preventDefault()
        selection.collapse(selection.focusNode, selection.focusOffset)
        return
      }
      const move = movement(event)
      if (!move) return
      event.preventDefault()
      if (!caretInside(element, selection)) placeCaret()
      const anchor = [selection.anchorNode, selection.anchorOffset] as const
      const focus = [selection.focusNode, selection.focusOffset] as const
      selection.modify(event.shiftKey ? 'extend' : 'move', move[0], move[1])
      // Never let the caret walk out of the article into the panes beside it.
      if (!selection.focusNode || !element.contains(selection.focusNode)) {
        if (anchor[0] && focus[0]) selection.setBaseAndExtent(anchor[0], anchor[1], focus[0], focus[1])
        return
      }
      selection.focusNode.parentElement?.scrollIntoView({ block: 'nearest' })
    },
    [root, placeCaret],
  )

  return { onFocus: placeCaret, onKeyDown }
}
