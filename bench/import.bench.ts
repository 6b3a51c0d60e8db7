/**
 * Import time per file for the corpus HTML pages, PDFs and DOCX (our whole extraction pipeline, in
 * process), beside the time Mozilla Readability alone takes on the same HTML pages in the same run.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Readability } from '@mozilla/readability'
import { JSDOM, VirtualConsole } from 'jsdom'
import { extractDocument } from '../src/main/core/import/extract-document'
import { corpusPath } from './corpus'
import { median, row, timeMs } from './stats'

interface Sample {
  name: string
  bytes: Uint8Array
}

function filesIn(dir: string | null, extension: string, nested = false): Sample[] {
  if (!dir) return []
  return readdirSync(dir, { recursive: nested })
    .map(String)
    .filter((name) => name.endsWith(extension))
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }))
}

function htmlPages(): Sample[] {
  const dir = corpusPath('html')
  if (!dir) return []
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({
      name: `${entry.name}.html`,
      bytes: new Uint8Array(readFileSync(join(dir, entry.name, 'source.html'))),
    }))
}

async function timeEach(
  samples: Sample[],
  work: (s: Sample) => Promise<unknown> | unknown,
): Promise<number[]> {
  const times: number[] = []
  for (const sample of samples) {
    try {
      times.push((await timeMs(() => work(sample)))[1])
    } catch {
      // Refused files (e.g. a corpus DOCX that is empty) still cost time but are not imports.
    }
  }
  return times
}

export async function benchImport(): Promise<void> {
  const html = htmlPages()
  const pdf = filesIn(corpusPath('pdf'), '.pdf', true)
  const docx = filesIn(corpusPath('docx'), '.docx', true)
  if (html.length + pdf.length + docx.length === 0) {
    console.log('import: skipped, no corpus (set CORPUS_DIR)')
    return
  }
  // Warm up module loading and JIT so the first file does not carry it.
  for (const sample of [html[0], pdf[0], docx[0]])
    if (sample) await extractDocument(sample).catch(() => undefined)

  const quiet = new VirtualConsole()
  const readabilityOnly = await timeEach(html, (s) => {
    const dom = new JSDOM(Buffer.from(s.bytes).toString('utf8'), { virtualConsole: quiet })
    return new Readability(dom.window.document).parse()
  })
  const rows: Array<[string, number[]]> = [
    ['readability alone (html)', readabilityOnly],
    ['corroborate html', await timeEach(html, (s) => extractDocument(s))],
    ['corroborate pdf', await timeEach(pdf, (s) => extractDocument(s))],
    ['corroborate docx', await timeEach(docx, (s) => extractDocument(s))],
  ]
  const widths = [26, 8, 12, 10]
  console.log('\nimport time per file, ms (in process; the app runs the same code in a worker thread)')
  console.log(row(['', 'files', 'median', 'max'], widths))
  for (const [label, times] of rows)
    console.log(row([label, String(times.length), median(times), Math.max(...times)], widths))
  const overhead = median(rows[1]![1]) / median(readabilityOnly)
  console.log(`html pipeline / readability alone (median): ${overhead.toFixed(2)}x`)
}
