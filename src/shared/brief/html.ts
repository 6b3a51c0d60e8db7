/**
 * A brief as one standalone HTML5 file: its mdast tree, turned into hast by
 * mdast-util-to-hast (which links footnote calls and definitions both ways) and serialised by
 * hast-util-to-html, which escapes every text node. No scripts and no external resources, and a
 * Content-Security-Policy that forbids both, so a hostile title or quote can only ever be text.
 */
import type { ElementContent, Element, Nodes, Properties, Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { toHast } from 'mdast-util-to-hast'
import type { BriefTree } from './brief-tree'
import { BRIEF_STYLESHEET } from './html-style'

export const BRIEF_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'"

/** A standalone document from any brief tree (the quick brief, or a composed one). */
export function treeToHtml({ body, appendix }: BriefTree, title: string): string {
  const content = [
    ...contentOf(
      toHast(body, {
        footnoteLabel: 'Citations',
        // Shown rather than screen-reader only: a printed brief needs the heading too.
        footnoteLabelProperties: {},
        footnoteBackLabel: (index) => `Back to claim ${index + 1}`,
      }),
    ),
    ...contentOf(toHast({ type: 'root', children: appendix })),
  ]
  const head = element('head', {}, [
    element('meta', { charSet: 'utf-8' }),
    element('meta', { httpEquiv: ['Content-Security-Policy'], content: BRIEF_CONTENT_SECURITY_POLICY }),
    element('meta', { name: 'referrer', content: 'no-referrer' }),
    element('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    element('title', {}, [{ type: 'text', value: title }]),
    element('style', {}, [{ type: 'text', value: BRIEF_STYLESHEET }]),
  ])
  const document: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      element('html', { lang: 'en' }, [head, element('body', {}, [element('main', {}, content)])]),
    ],
  }
  return toHtml(document)
}

function element(tagName: string, properties: Properties, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children }
}

/** A converted root's children, minus any doctype, which only the document itself may carry. */
function contentOf(node: Nodes): ElementContent[] {
  if (node.type !== 'root') return node.type === 'doctype' ? [] : [node]
  return node.children.filter((child): child is ElementContent => child.type !== 'doctype')
}
