import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import CSL from 'citeproc'
import type { CitedSource } from './cited-source'
import { toCslItem } from './to-csl-item'
import type { CslItem } from './to-csl-item'

export type { CitedSource } from './cited-source'

export type CitationStyle = 'chicago' | 'apa'

export interface CitationFormatter {
  /**
   * The citation for a first mention, as plain text. For Chicago that is the full footnote; APA has
   * no notes, so it is the parenthetical in-text citation, e.g. "(Kim, 2024, p. 2)".
   */
  note(source: CitedSource): string
  /** One plain-text entry per distinct source id, in the style's order. */
  bibliography(sources: CitedSource[]): string[]
}

/** The bundled files (see resources/csl/README.md): both styles are independent, so no parent is needed. */
const STYLE_FILES: Record<CitationStyle, string> = {
  chicago: 'chicago-fullnote-bibliography.csl',
  apa: 'apa.csl',
}
const LOCALE = 'en-US'
const LOCALE_FILE = 'locales-en-US.xml'

interface CachedEngine {
  engine: CSL.Engine
  /** What sys.retrieveItem answers from: refilled by every call, as the engine reads items lazily. */
  items: Map<string, CslItem>
}

// Building an engine parses the style (about half a second for APA); formatting with a built one
// takes a millisecond or two. So each (folder, style) is built once and reused.
const engines = new Map<string, CachedEngine>()

/**
 * Reads the style and the en-US locale from cslDir (the app passes its resources/csl folder) and
 * formats with citeproc-js. Nothing is fetched: the engine only sees what is read here.
 */
export function createCitationFormatter(cslDir: string, style: CitationStyle): CitationFormatter {
  const cached = engineFor(cslDir, style)
  return {
    note: (source) => note(cached, source),
    bibliography: (sources) => bibliography(cached, sources),
  }
}

function note({ engine, items }: CachedEngine, source: CitedSource): string {
  load(engine, items, [source])
  const cite: CSL.CitationItem = { id: source.id }
  if (source.page !== undefined) {
    cite.locator = String(source.page)
    cite.label = 'page'
  }
  return engine.makeCitationCluster([cite]).trim()
}

function bibliography({ engine, items }: CachedEngine, sources: CitedSource[]): string[] {
  if (sources.length === 0) return []
  load(engine, items, sources)
  const result = engine.makeBibliography()
  if (result === false) return []
  return result[1].map((entry) => entry.trim())
}

/**
 * Makes these sources the engine's whole registry. Resetting it on every call keeps one call from
 * colouring the next: APA would otherwise turn "Kim 2024" into "2024a" because of an earlier list.
 */
function load(engine: CSL.Engine, items: Map<string, CslItem>, sources: CitedSource[]): void {
  items.clear()
  // The same source cited twice is one bibliography entry; the first record for an id wins.
  for (const source of sources) if (!items.has(source.id)) items.set(source.id, toCslItem(source))
  engine.updateItems([...items.keys()])
}

function engineFor(cslDir: string, style: CitationStyle): CachedEngine {
  const dir = resolve(cslDir)
  const key = `${dir}\u0000${style}`
  const existing = engines.get(key)
  if (existing) return existing
  const styleXml = readFileSync(join(dir, STYLE_FILES[style]), 'utf8')
  const localeXml = readFileSync(join(dir, LOCALE_FILE), 'utf8')
  const items = new Map<string, CslItem>()
  const sys: CSL.Sys = {
    // Only en-US is bundled and the engine is forced to it; any other answer would be a guess.
    retrieveLocale: (lang) => (lang === LOCALE ? localeXml : undefined),
    retrieveItem: (id) => items.get(id),
  }
  const engine = new CSL.Engine(sys, styleXml, LOCALE, true)
  engine.setOutputFormat('text')
  const cached = { engine, items }
  engines.set(key, cached)
  return cached
}
