import type { Page } from '@playwright/test'

/**
 * Selects the first occurrence of `phrase` in the reader the way a drag would: a DOM Range over the
 * rendered text nodes, so the app's own selection-to-offset mapping is what gets tested.
 */
export async function selectInReader(page: Page, phrase: string): Promise<void> {
  // Retried briefly: the reader may be mid re-render (a refetch after the previous edit).
  let found: unknown = false
  for (let attempt = 0; attempt < 20 && found !== true; attempt++) {
    if (attempt > 0) await page.waitForTimeout(100)
    found = await trySelect(page, phrase)
  }
  if (found !== true) throw new Error(`"${phrase}" is not in the reader, which reads: ${String(found)}`)
}

function trySelect(page: Page, phrase: string): Promise<unknown> {
  return page.evaluate((wanted) => {
    const root = document.querySelector('.reader-text')
    if (!root) return false
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    const nodes: Text[] = []
    let all = ''
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push(node as Text)
      all += node.textContent ?? ''
    }
    const at = all.indexOf(wanted)
    if (at < 0) return all.slice(0, 300)
    const locate = (offset: number, isEnd: boolean): [Text, number] => {
      let seen = 0
      for (const node of nodes) {
        const length = node.textContent?.length ?? 0
        if (offset < seen + length || (isEnd && offset === seen + length)) return [node, offset - seen]
        seen += length
      }
      throw new Error('offset beyond text')
    }
    const range = document.createRange()
    range.setStart(...locate(at, false))
    range.setEnd(...locate(at + wanted.length, true))
    const selection = document.getSelection()!
    selection.removeAllRanges()
    selection.addRange(range)
    return true
  }, phrase)
}
