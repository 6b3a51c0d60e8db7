/**
 * The verified pipeline on a real notebook folder, for both briefs through the one function: the
 * refusals name what failed, a PDF quote is cited with its page in every format, and only the
 * structures of cited PDF sources are read.
 */
import { readFileSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it, vi } from 'vitest'
import type { BriefFileFormat } from '../../../shared/brief'
import { createAnnotation } from '../annotations'
import { saveDraft } from '../brief-drafts'
import { createClaim } from '../claims'
import { DomainError } from '../domain-error'
import type { NotebookStore } from '../notebook-store'
import { editById } from '../records'
import { importPaste } from '../sources'
import { useTempNotebooks } from '../testing/temp-notebooks'
import { prepareVerifiedBrief, type BriefRequest } from './verified-brief'

const TEXT = readFileSync(
  new URL('../../../../resources/sample/002_a4871556e040079a.txt', import.meta.url),
  'utf8',
)
const QUOTE = 'at least 3,000 soldiers'
const CSL_DIR = join(process.cwd(), 'resources', 'csl')
const FORMATS: BriefFileFormat[] = ['markdown', 'html', 'docx']
const REQUESTS: [string, BriefRequest][] = [
  ['quick brief', { kind: 'quick' }],
  ['composed brief', { kind: 'composed', briefId: 'draft-1' }],
]

const notebooks = useTempNotebooks('verified-brief', 'Week 43')

/** A notebook whose one source is a two-page PDF, the quote on page 2, cited by both briefs. */
async function pdfNotebook(): Promise<NotebookStore> {
  const store = await notebooks.open()
  const source = await importPaste(store, { text: TEXT, title: 'Troops in Russia' })
  const start = TEXT.indexOf(QUOTE)
  await store.update((data) => {
    editById(data.sources, source.id, (s) => Object.assign(s, { format: 'pdf', pages: 2 }))
  })
  const pageBreak = TEXT.lastIndexOf('\n', start)
  await store.putStructure(source.textSha256, {
    blocks: [
      { type: 'paragraph', start: 0, end: pageBreak, page: 1 },
      { type: 'paragraph', start: pageBreak + 1, end: TEXT.length, page: 2 },
    ],
    links: [],
    lang: 'en',
    dir: 'ltr',
  })
  const annotation = await createAnnotation(store, {
    sourceId: source.id,
    kind: 'claim',
    start,
    end: start + QUOTE.length,
    comment: 'Kirby: 3,000.',
    tags: [],
  })
  await saveDraft(store, {
    id: 'draft-1',
    title: 'Troops',
    bottomLine: '',
    citationStyle: 'chicago',
    sections: [
      { id: 's', heading: 'Evidence', items: [{ id: 'i', type: 'quote', annotationId: annotation.id }] },
    ],
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
  })
  await createClaim(store, {
    statement: 'About 3,000',
    links: [{ annotationId: annotation.id, stance: 'supports', attributedTo: '' }],
  })
  return store
}

async function refusal(work: Promise<unknown>): Promise<DomainError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  )
  if (!(error instanceof DomainError)) throw new Error(`expected a refusal, got ${String(error)}`)
  return error
}

describe.each(REQUESTS)('the %s', (_, request) => {
  it('cites the PDF page of its quote in Markdown, HTML and Word alike', async () => {
    const store = await pdfNotebook()
    const readStructure = vi.spyOn(store, 'readStructure')
    const markdown = String((await prepareVerifiedBrief(store, request, 'markdown', CSL_DIR)).content)
    const footnote = markdown.split('\n').find((line) => line.startsWith('[^1]: '))!
    // The quick brief says "p. 2"; Chicago puts the bare page after the title.
    expect(footnote).toMatch(request.kind === 'quick' ? /, p\. 2\. Quote:/ : /,” 2, accessed/i)
    const citation = footnote.slice('[^1]: '.length, footnote.indexOf(' Quote:'))
    const html = String((await prepareVerifiedBrief(store, request, 'html', CSL_DIR)).content)
    expect(html).toContain(citation)
    const docx = (await prepareVerifiedBrief(store, request, 'docx', CSL_DIR)).content as Uint8Array
    const notes = await (await JSZip.loadAsync(docx)).file('word/footnotes.xml')!.async('string')
    expect(notes.replace(/<[^>]+>/g, '')).toContain(citation)
    expect(new Set(readStructure.mock.calls.map(([sha]) => sha))).toEqual(
      new Set([store.data.sources[0]!.textSha256]),
    )
  })

  it('refuses a changed text with text-altered, naming the source, in every format', async () => {
    const store = await pdfNotebook()
    const file = join(store.dir, 'texts', `${store.data.sources[0]!.textSha256}.txt`)
    await writeFile(file, `${await readFile(file, 'utf8')}\nAn added line.`)
    for (const format of FORMATS) {
      const error = await refusal(prepareVerifiedBrief(store, request, format, CSL_DIR))
      expect(error.code).toBe('text-altered')
      expect(error.details).toEqual([
        { sourceId: store.data.sources[0]!.id, sourceTitle: 'Troops in Russia' },
      ])
    }
  })

  it('refuses a changed quote with quote-mismatch, listing the problems', async () => {
    const store = await pdfNotebook()
    const file = join(store.dir, 'texts', `${store.data.sources[0]!.textSha256}.txt`)
    await writeFile(file, (await readFile(file, 'utf8')).replace('3,000', '30,000'))
    const error = await refusal(prepareVerifiedBrief(store, request, 'markdown', CSL_DIR))
    expect(error.code).toBe('quote-mismatch')
    expect(error.details).toMatchObject([{ quote: QUOTE, reason: 'quote-not-found' }])
  })
})

it('refuses a composed brief that is no longer in the notebook', async () => {
  const store = await pdfNotebook()
  const error = await refusal(
    prepareVerifiedBrief(store, { kind: 'composed', briefId: 'gone' }, 'html', CSL_DIR),
  )
  expect(error.code).toBe('not-found')
})
