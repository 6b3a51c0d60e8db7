/**
 * Maps a DOM selection inside the reader to offsets in the source text. Every rendered text run is
 * a span with `data-start` (its offset in the whole text) holding a single text node.
 */
function runStart(element: Element | null): number | null {
  const run = element?.closest('[data-start]')
  const value = run?.getAttribute('data-start')
  return value == null ? null : Number(value)
}

function boundaryOffset(container: Node, offset: number, root: Element): number | null {
  if (container.nodeType === Node.TEXT_NODE) {
    const start = runStart(container.parentElement)
    return start === null ? null : start + offset
  }
  // An element boundary: the offset counts child nodes. Use the run at or before that child.
  const element = container as Element
  const child = element.childNodes[offset]
  if (child) {
    const run =
      child instanceof Element
        ? child.matches('[data-start]')
          ? child
          : child.querySelector('[data-start]')
        : null
    const start = runStart(run ?? (child.parentElement as Element))
    if (start !== null) return start
  }
  const runs = (element === root ? root : element).querySelectorAll('[data-start]')
  const last = runs[runs.length - 1]
  const start = runStart(last ?? null)
  return start === null ? null : start + (last?.textContent?.length ?? 0)
}

export function selectionOffsets(
  selection: Selection | null,
  root: Element,
): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null
  const range = selection.getRangeAt(0)
  if (!root.contains(range.commonAncestorContainer)) return null
  const start = boundaryOffset(range.startContainer, range.startOffset, root)
  const end = boundaryOffset(range.endContainer, range.endOffset, root)
  if (start === null || end === null || end <= start) return null
  return { start, end }
}

/** The DOM Range over text offsets [start, end): used to show a search match as a selection. */
export function rangeFromOffsets(root: Element, start: number, end: number): Range | null {
  const runs = [...root.querySelectorAll<HTMLElement>('[data-start]')]
  const locate = (offset: number, isEnd: boolean): [Node, number] | null => {
    for (const run of runs) {
      const runStart = Number(run.dataset['start'])
      const text = run.firstChild
      const length = text?.textContent?.length ?? 0
      if (
        text &&
        offset >= runStart &&
        (offset < runStart + length || (isEnd && offset === runStart + length))
      ) {
        return [text, offset - runStart]
      }
    }
    return null
  }
  const from = locate(start, false)
  const to = locate(end, true)
  if (!from || !to) return null
  const range = document.createRange()
  range.setStart(...from)
  range.setEnd(...to)
  return range
}
