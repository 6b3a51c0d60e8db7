/**
 * Imports a saved web page: decodes it, parses it with jsdom in a sandbox that runs no scripts and
 * fetches nothing, lets Readability find the article, and walks that article into blocks. Pages
 * where Readability finds nothing (or that are too hostile to hand it) are read whole instead.
 */
import { Readability } from '@mozilla/readability'
import { JSDOM, VirtualConsole } from 'jsdom'
import { DomainError } from '../domain-error'
import { addBlocks } from './html-blocks'
import { decodeHtml } from './html-decode'
import { httpUrl, readPageMetadata, type ReadabilityMetadata } from './html-metadata'
import { DocumentBuilder, type ExtractedDocument } from './extracted-document'

export { MAX_HTML_BYTES } from './html-decode'

/**
 * Readability's cost grows steeply with nesting (a 400-deep page takes seconds, 2,000 deep takes
 * minutes) and it recurses, so deeper pages are read whole. Real articles nest 5-40 deep.
 */
const MAX_READABILITY_DEPTH = 150
/** Past this many elements Readability (and cloning the page for it) takes many seconds. */
const MAX_READABILITY_ELEMENTS = 60_000
const ELEMENT_NODE = 1
const COMMENT_NODE = 8

export interface HtmlOptions {
  /** The address the page was fetched from: a fallback for its URL and the base for relative links. */
  url?: string
}

/**
 * One iterative pass over the page: counts its elements and depth (see the limits above) and drops
 * its comments. React and many CMSes put <!-- --> between text runs, and Readability 0.6 then
 * wraps each run in its own <p> ("Abigail Williams" / "and" / "Beomsu Jo"); comments are never
 * article text, and nothing downstream reads them.
 */
function surveyAndStripComments(root: Node): { elements: number; depth: number } {
  let elements = 0
  let depth = 1
  let maxDepth = 0
  let node = root.firstChild
  while (node) {
    const current: Node = node
    if (current.nodeType === ELEMENT_NODE) {
      elements++
      maxDepth = Math.max(maxDepth, depth)
    }
    if (current.firstChild) {
      node = current.firstChild
      depth++
      continue
    }
    let up: Node | null = current
    while (up && up !== root && !up.nextSibling) {
      up = up.parentNode
      depth--
    }
    node = up && up !== root ? up.nextSibling : null
    if (current.nodeType === COMMENT_NODE) current.parentNode?.removeChild(current)
  }
  return { elements, depth: maxDepth }
}

type Article = ReadabilityMetadata & { content?: Element | null | undefined }

/** Runs Readability on a copy (it rewrites the tree it is given) or explains why it did not. */
function findArticle(document: Document): { article: Article | null; warning?: string } {
  const { elements, depth } = surveyAndStripComments(document)
  if (depth > MAX_READABILITY_DEPTH) {
    return {
      article: null,
      warning: 'The page is nested too deeply to find its article; the whole page was read.',
    }
  }
  if (elements > MAX_READABILITY_ELEMENTS) {
    return {
      article: null,
      warning: 'The page is too large to find its article in; the whole page was read.',
    }
  }
  try {
    const reader = new Readability<Element>(document.cloneNode(true) as Document, {
      // Hand back Readability's own element rather than an HTML string to parse again: the same
      // tree, one parse fewer, and no serializer recursion over whatever the page nests.
      serializer: (node) => node as Element,
    })
    return { article: reader.parse() }
  } catch {
    // Whatever Readability chokes on, the page is still readable whole.
    return {
      article: null,
      warning: 'The article could not be picked out of the page; the whole page was read.',
    }
  }
}

export function extractHtml(
  bytes: Uint8Array,
  fileName: string,
  options: HtmlOptions = {},
): ExtractedDocument {
  const { html, warnings } = decodeHtml(bytes, fileName)
  const pageUrl = httpUrl(options.url) || undefined
  // jsdom's CSS parser reports every rule it cannot read; none of that concerns the analyst.
  const virtualConsole = new VirtualConsole()
  virtualConsole.on('jsdomError', () => {})
  // No runScripts: scripts and inline handlers stay inert text. No resources: jsdom loads no
  // stylesheet, image, frame or @import. about:blank (jsdom's default) when we have no address,
  // so relative links stay relative and are dropped rather than pointing at an invented host.
  const dom = new JSDOM(html, { url: pageUrl, virtualConsole, runScripts: undefined, resources: undefined })
  try {
    const { document } = dom.window
    const { article, warning } = findArticle(document)
    if (warning) warnings.push(warning)
    const { metadata, lang, dir } = readPageMetadata(document, article, pageUrl)

    let builder = new DocumentBuilder()
    if (article?.content) addBlocks(article.content, builder)
    if (builder.textLength === 0) {
      if (!warning) warnings.push('No article was found in the page; the whole page was read.')
      builder = new DocumentBuilder()
      addBlocks(document.body ?? document.documentElement, builder)
    }
    if (builder.textLength === 0)
      throw new DomainError('empty-source', `${fileName} has no readable article text.`)
    const { text, structure } = builder.build(lang, dir)
    return { text, structure, metadata, warnings }
  } finally {
    // close() detaches the tree recursively and overflows the stack on very deep pages. With no
    // scripts and no loads there is nothing pending to stop, so if it fails, the GC frees the rest.
    try {
      dom.window.close()
    } catch {
      // Nothing to do: see above.
    }
  }
}
