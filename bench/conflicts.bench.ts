/**
 * `findConflicts` on 1,000 sources (the five seed reports and the corpus news pages, cycled), beside
 * a plain substring count of 'troops', 'soldiers' and 'said' over the same texts in the same run: the
 * floor any reading of every text costs.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { findConflicts } from '../src/shared/analysis'
import type { AnalysisSource } from '../src/shared/analysis'
import { corpusPath } from './corpus'
import { row, timeMs } from './stats'

const SOURCE_COUNT = 1000
const SCANNED_WORDS = ['troops', 'soldiers', 'said']

function seedTexts(): string[] {
  const dir = resolve(import.meta.dirname, '..', 'resources', 'sample')
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(join(dir, name), 'utf8'))
}

/** Article bodies as text: block ends become line breaks so sentences do not run together. */
function corpusTexts(): string[] {
  const dir = corpusPath('html')
  if (!dir) return []
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((page) => htmlToText(readFileSync(join(dir, page, 'expected.html'), 'utf8')))
}

function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<\/(p|div|h\d|li|tr|blockquote|figcaption)>|<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
}

function substringHits(texts: readonly string[]): number {
  let hits = 0
  for (const text of texts) {
    for (const word of SCANNED_WORDS) {
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) hits++
    }
  }
  return hits
}

export async function benchConflicts(): Promise<void> {
  const pool = [...seedTexts(), ...corpusTexts()]
  const sources: AnalysisSource[] = Array.from({ length: SOURCE_COUNT }, (_, i) => ({
    id: `source-${i}`,
    outlet: '',
    title: '',
    text: pool[i % pool.length]!,
  }))
  const characters = sources.reduce((sum, source) => sum + source.text.length, 0)
  const texts = sources.map((source) => source.text)
  // Warm up module loading and JIT on one copy of each text so the timed run does not carry them.
  findConflicts(sources.slice(0, pool.length))

  const [hits, scanMs] = await timeMs(() => substringHits(texts))
  const [report, findMs] = await timeMs(() => findConflicts(sources))
  const mentions = report.mentionsBySource.reduce((sum, source) => sum + source.mentions.length, 0)
  const widths = [30, 10, 12, 12]
  console.log(
    `\nconflict finder: ${SOURCE_COUNT} sources (${pool.length} distinct texts cycled), ` +
      `${(characters / 1e6).toFixed(1)} M characters`,
  )
  console.log(row(['', 'ms', 'ms/source', 'found'], widths))
  console.log(
    row(['substring scan (baseline)', scanMs, (scanMs / SOURCE_COUNT).toFixed(3), `${hits} hits`], widths),
  )
  console.log(
    row(['findConflicts', findMs, (findMs / SOURCE_COUNT).toFixed(3), `${mentions} mentions`], widths),
  )
  console.log(
    `groups: ${report.groups.length}, singletons: ${report.singletons.length}; ` +
      `findConflicts / substring scan: ${(findMs / scanMs).toFixed(0)}x`,
  )
}
