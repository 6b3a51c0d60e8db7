/**
 * Texts and a real notebook folder for the conflict finder benchmark: the five seed reports and the
 * corpus news pages (article bodies as text), cycled, each copy made a text of its own by a closing
 * line, so that a notebook of 1,000 sources has 1,000 texts to analyse and store, as a real one does.
 */
import { randomUUID } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Source } from '../src/shared/model'
import { NotebookStore } from '../src/main/core/notebook-store'
import { corpusPath } from './corpus'

export function baseTexts(): string[] {
  const dir = resolve(import.meta.dirname, '..', 'resources', 'sample')
  const seeds = readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(join(dir, name), 'utf8'))
  return [...seeds, ...corpusTexts()]
}

/** `count` distinct texts: the base texts cycled, each closed by its own line. */
export function distinctTexts(count: number, from = 0): string[] {
  const base = baseTexts()
  return Array.from({ length: count }, (_, i) => {
    const n = from + i
    return `${base[n % base.length]!}\n\n(Copy ${n + 1} for the benchmark.)\n`
  })
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

/** A notebook in `dir` holding one pasted source per text (texts stored, nothing analysed yet). */
export async function writeNotebook(dir: string, texts: readonly string[]): Promise<void> {
  const store = await NotebookStore.open(dir, 'Conflict finder benchmark')
  const sources: Source[] = []
  for (const [i, text] of texts.entries()) {
    const textSha256 = await store.putText(text)
    sources.push({
      id: randomUUID(),
      title: `Report ${i + 1}`,
      outlet: '',
      author: '',
      published: '',
      url: '',
      imported: new Date().toISOString(),
      retrieved: '',
      originalFileName: '',
      format: 'paste',
      originalSha256: textSha256,
      textSha256,
      textLength: text.length,
      pages: 0,
      nearDuplicates: [],
    })
  }
  await store.update((data) => void data.sources.push(...sources))
  await store.close()
}
