/**
 * Time to export a brief of 200 claims to each format, beside the floor: the same Markdown built by
 * plain string concatenation (no tree, no escaping), measured in the same run.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SAMPLE_FILES } from '../src/main/core/sample-notebook'
import { createTarget } from '../src/shared/anchoring'
import {
  citationPhrasing,
  citeWith,
  finishTree,
  outlineQuickBrief,
  serialiseBrief,
  verifyQuotes,
  type BriefFileFormat,
} from '../src/shared/brief'
import { buildMatrixCsv } from '../src/shared/export/matrix-csv'
import { buildAnnotationCollectionJson } from '../src/shared/export/web-annotation'
import type { Annotation, NotebookData, Source } from '../src/shared/model'
import { SCHEMA_VERSION } from '../src/shared/model'
import { median, row, timeMs } from './stats'

const SAMPLE = join(import.meta.dirname, '..', 'resources', 'sample')

function notebookOf200Claims(): { notebook: NotebookData; texts: Map<string, string> } {
  const texts = new Map<string, string>()
  const sources: Source[] = SAMPLE_FILES.map((name, i) => {
    const text = readFileSync(join(SAMPLE, name), 'utf8')
    texts.set(`s${i}`, text)
    return {
      id: `s${i}`,
      title: `Seed report ${i}`,
      outlet: `Outlet ${i}`,
      author: 'A. Reporter',
      published: '2024-10-23',
      url: `https://example.com/${i}`,
      imported: '2024-10-24T08:00:00.000Z',
      retrieved: '',
      originalFileName: name,
      format: 'txt',
      originalSha256: '0'.repeat(64),
      textSha256: '0'.repeat(64),
      textLength: text.length,
      pages: 0,
      nearDuplicates: [],
    }
  })
  const annotations: Annotation[] = Array.from({ length: 200 }, (_, n) => {
    const sourceId = `s${n % 5}`
    const text = texts.get(sourceId)!
    const start = (n * 97) % Math.max(1, text.length - 80)
    return {
      id: `a${n}`,
      sourceId,
      kind: 'claim',
      target: createTarget(text, start, start + 60),
      comment: `Claim ${n}: what the source says, in the analyst's words.`,
      tagIds: [],
      created: '2024-10-24T08:00:00.000Z',
      modified: '2024-10-24T08:00:00.000Z',
    }
  })
  const meta = {
    id: '6f1c2b9e-1f7a-4a53-9f0e-2f3c4d5e6f70',
    name: 'Benchmark brief',
    created: '2024-10-24T08:00:00.000Z',
  }
  // Every claim annotation also backs a claim object, so the CSV matrix is 200 claims x 5 sources.
  const claims = annotations.map((a, n) => ({
    id: `c${n}`,
    statement: a.comment,
    links: [{ annotationId: a.id, stance: 'supports' as const, attributedTo: 'An official' }],
    credibility: null,
    tagIds: [],
    created: a.created,
    modified: a.modified,
  }))
  return {
    notebook: { schemaVersion: SCHEMA_VERSION, meta, sources, annotations, tags: [], claims, briefs: [] },
    texts,
  }
}

function concatenatedMarkdown(notebook: NotebookData): string {
  let out = `# ${notebook.meta.name}\n\n## Claims\n\n`
  let notes = ''
  notebook.annotations.forEach((a, i) => {
    const source = notebook.sources.find((s) => s.id === a.sourceId)!
    out += `- ${a.comment}[^${i + 1}]\n`
    notes += `[^${i + 1}]: ${source.outlet}, “${source.title}”, ${source.author}, ${source.published}, ${source.url}. Quote: “${a.target.quote.exact}”\n`
  })
  return `${out}\n${notes}`
}

/** The pure part of the verified export (main's pipeline adds reading and hashing the texts). */
async function verifiedBrief(
  notebook: NotebookData,
  texts: Map<string, string>,
  format: BriefFileFormat,
  generated: string,
) {
  const outline = outlineQuickBrief(notebook, generated)
  if (verifyQuotes(outline.quoted, notebook.sources, texts).length) throw new Error('quote mismatch')
  return serialiseBrief(finishTree(outline, citeWith(citationPhrasing)), outline, format)
}

async function timeRuns(work: () => unknown, runs = 15): Promise<number[]> {
  await work() // warm-up
  const times: number[] = []
  for (let i = 0; i < runs; i++) times.push((await timeMs(async () => work()))[1])
  return times
}

export async function benchBrief(): Promise<void> {
  const { notebook, texts } = notebookOf200Claims()
  const generated = '2024-10-25T09:30:00.000Z'
  const rows: Array<[string, number[]]> = [
    ['floor: string concatenation (md)', await timeRuns(() => concatenatedMarkdown(notebook))],
    [
      'markdown (verified, mdast)',
      await timeRuns(() => verifiedBrief(notebook, texts, 'markdown', generated)),
    ],
    ['html (verified, hast)', await timeRuns(() => verifiedBrief(notebook, texts, 'html', generated))],
    ['docx (verified, footnotes)', await timeRuns(() => verifiedBrief(notebook, texts, 'docx', generated))],
    ['csv (claims x sources)', await timeRuns(() => buildMatrixCsv(notebook))],
    [
      'json-ld (W3C collection)',
      await timeRuns(() =>
        buildAnnotationCollectionJson(notebook, { generated, baseId: `urn:uuid:${notebook.meta.id}`, texts }),
      ),
    ],
  ]
  const widths = [34, 12, 12]
  console.log(
    '\nbrief export, 200 claims from 5 sources, ms (PDF adds a Chromium print of the HTML: see e2e)',
  )
  console.log(row(['', 'median', 'max'], widths))
  for (const [label, times] of rows) console.log(row([label, median(times), Math.max(...times)], widths))
}
