/**
 * Notebook strings as Word runs. The docx package writes every run's text as an escaped XML text
 * node (and drops the control characters XML cannot hold), so nothing here escapes by hand; what is
 * left to us is what Word would otherwise lose: a newline inside `w:t` shows as a space, so line
 * breaks become real breaks, and a link is only made clickable when it is http(s).
 */
import type { IRunOptions, ParagraphChild } from 'docx'
import { ExternalHyperlink, TextRun } from 'docx'
import type { PhrasingContent } from 'mdast'

/** Run formatting without the text itself, which textRuns supplies line by line. */
export type RunFormat = Omit<IRunOptions, 'text' | 'break' | 'children'>

export function textRuns(value: string, format: RunFormat = {}): TextRun[] {
  return value
    .split(/\r\n|\r|\n/)
    .map((line, index) => new TextRun({ ...format, text: line, ...(index ? { break: 1 } : {}) }))
}

export function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url)
}

/** The same rule as citation.ts: a non-web address is shown, never made a link. */
export function urlChildren(url: string): ParagraphChild[] {
  return isWebUrl(url)
    ? [new ExternalHyperlink({ link: url, children: textRuns(url, { style: 'Hyperlink' }) })]
    : textRuns(url)
}

export function phrasingText(phrasing: readonly PhrasingContent[]): string {
  return phrasing
    .map((node) => ('value' in node ? node.value : 'children' in node ? phrasingText(node.children) : ''))
    .join('')
}
