/**
 * A brief tree as GitHub-flavoured Markdown, serialised from the mdast tree by mdast-util-to-markdown.
 *
 * Escaping: notebook strings are text nodes, so Markdown syntax characters in them are
 * backslash-escaped where they could otherwise be read as syntax (`*` becomes `\*`, `[` becomes
 * `\[`, a blank line inside a quote becomes `&#xA;&#xA;`). The rendered brief therefore shows
 * every quote word for word, while the raw file may carry those escapes; quotes without such
 * characters appear verbatim in the raw file too.
 */
import { gfmToMarkdown } from 'mdast-util-gfm'
import { toMarkdown } from 'mdast-util-to-markdown'
import type { BriefTree } from './brief-tree'

export function treeToMarkdown({ body, appendix }: BriefTree): string {
  return toMarkdown(
    { type: 'root', children: [...body.children, ...appendix] },
    { extensions: [gfmToMarkdown()], bullet: '-', emphasis: '_' },
  )
}
