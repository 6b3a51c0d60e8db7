/**
 * What a brief promises, for both briefs (the quick brief and a composed one) and every format, through
 * the handlers as the window calls them: a cited text changed on disk is refused by its SHA-256 even
 * where every quote still matches; only the cited texts are read; and the footnotes of every format
 * (and of the composer's live preview) carry the same citations, because they come from one tree.
 */
import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { JSDOM } from 'jsdom'
import JSZip from 'jszip'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Channel } from '../../shared/ipc/channel-names'
import type { BriefFormat } from '../../shared/ipc/payloads'
import type { IpcResult } from '../../shared/ipc/result'
import type { Annotation, BriefDraft, Claim, Source } from '../../shared/model'
import type { QuoteCitation } from '../core/export/brief-citations'
import { Importer } from '../core/import/importer'
import { NotebookSession } from '../core/notebook-session'
import { hashFolder } from '../core/testing/folder-hash'
import { dispatch } from './dispatch'
import { createHandlers, type Handlers } from './handlers'
import { phrasingText } from '../../shared/brief/docx-runs'
import { cancellingShell } from './testing/scripted-shell'

const sample = (name: string) =>
  readFileSync(new URL(`../../../resources/sample/${name}`, import.meta.url), 'utf8')
const CITED_TEXT = sample('002_a4871556e040079a.txt')
const UNCITED_TEXT = sample('000_0fc4dfd4ef4d2d56.txt')
const QUOTE = 'at least 3,000 soldiers'
const FORMATS: BriefFormat[] = ['markdown', 'html', 'docx', 'pdf']

type Kind = 'quick brief' | 'composed brief'
const KINDS: Kind[] = ['quick brief', 'composed brief']

const importer = new Importer()
afterAll(() => importer.close())

let root: string
let notebookDir: string
let exportDir: string
let session: NotebookSession
let handlers: Handlers
let cited: Source
let uncited: Source
let quoted: Annotation
let draft: BriefDraft

const call = (channel: Channel, args: unknown[]): Promise<IpcResult<unknown>> =>
  dispatch(handlers, channel, args)

async function callOk<T>(channel: Channel, args: unknown[]): Promise<T> {
  const result = await call(channel, args)
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`)
  return result.value as T
}

const exportBrief = (kind: Kind, format: BriefFormat) =>
  kind === 'quick brief' ? call('brief:export', [format]) : call('briefs:export', [draft.id, format])

async function exportOk(kind: Kind, format: BriefFormat): Promise<string> {
  const result = await exportBrief(kind, format)
  if (!result.ok) throw new Error(`${kind} ${format}: ${result.error.code} ${result.error.message}`)
  return (result.value as { path: string }).path
}

const textFile = (source: Source) => join(notebookDir, 'texts', `${source.textSha256}.txt`)

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'corroborate-verified-brief-'))
  notebookDir = join(root, 'notebook')
  exportDir = join(root, 'exports')
  await mkdir(exportDir)
  session = await NotebookSession.onNotebook(notebookDir, join(root, 'userData'))
  handlers = createHandlers(session, cancellingShell(exportDir), { importer })
  cited = await callOk<Source>('sources:importPaste', [{ text: CITED_TEXT, title: 'Troops in Russia' }])
  uncited = await callOk<Source>('sources:importPaste', [{ text: UNCITED_TEXT, title: 'Never cited' }])
  cited = await callOk<Source>('sources:update', [
    cited.id,
    { outlet: 'Example Daily', author: 'Dana Reporter', published: '2024-10-23' },
  ])
  const start = CITED_TEXT.indexOf(QUOTE)
  quoted = await callOk<Annotation>('annotations:create', [
    {
      sourceId: cited.id,
      kind: 'claim',
      start,
      end: start + QUOTE.length,
      comment: 'Kirby: 3,000.',
      tags: [],
    },
  ])
  // A note on the uncited source: notes are never cited, so its text is none of the brief's business.
  await callOk('annotations:create', [
    { sourceId: uncited.id, kind: 'note', start: 0, end: 10, comment: 'private', tags: [] },
  ])
  const link = { annotationId: quoted.id, stance: 'supports', attributedTo: 'John Kirby' }
  const claim = await callOk<Claim>('claims:create', [{ statement: 'About 3,000 troops', links: [link] }])
  draft = {
    id: 'draft-1',
    title: 'Troops brief',
    bottomLine: 'North Korea has sent troops.',
    citationStyle: 'chicago',
    sections: [
      {
        id: 'section-1',
        heading: 'Numbers',
        items: [
          { id: 'item-1', type: 'claim', claimId: claim.id, estimate: 'likely', showQuotes: true },
          { id: 'item-2', type: 'quote', annotationId: quoted.id },
        ],
      },
    ],
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
  }
  await callOk('briefs:save', [draft])
})

afterEach(async () => {
  vi.restoreAllMocks()
  await session.store.close()
  await rm(root, { recursive: true, force: true })
})

describe.each(KINDS)('the %s', (kind) => {
  it('is refused with text-altered, in every format, when a cited text changed outside its quotes', async () => {
    const original = await readFile(textFile(cited), 'utf8')
    await writeFile(textFile(cited), original.replace('Russia and North Korea have denied', 'Both denied'))
    expect(await readFile(textFile(cited), 'utf8')).toContain(QUOTE)
    const before = await hashFolder(notebookDir)
    for (const format of FORMATS) {
      const result = await exportBrief(kind, format)
      expect(result, `${format} export`).toMatchObject({ ok: false, error: { code: 'text-altered' } })
      if (!result.ok) expect(result.error.message).toContain('Troops in Russia')
    }
    expect(await readdir(exportDir)).toEqual([])
    expect(await hashFolder(notebookDir)).toBe(before)
  })

  it('reads only the texts it cites: an uncited text may be missing', async () => {
    await rm(textFile(uncited))
    const readText = vi.spyOn(session.store, 'readText')
    for (const format of FORMATS) await exportOk(kind, format)
    expect(new Set(readText.mock.calls.map(([sha]) => sha))).toEqual(new Set([cited.textSha256]))
    expect((await readdir(exportDir)).sort()).toHaveLength(FORMATS.length)
  })

  it('puts the same citations in the Markdown, HTML and Word footnotes', async () => {
    const markdown = markdownFootnotes(await readFile(await exportOk(kind, 'markdown'), 'utf8'))
    const html = htmlFootnotes(await readFile(await exportOk(kind, 'html'), 'utf8'))
    const word = await docxFootnotes(await readFile(await exportOk(kind, 'docx')))
    expect(markdown.length).toBeGreaterThan(0)
    for (const footnote of markdown) expect(footnote).toContain(`Quote: “${QUOTE}”`)
    expect(html).toEqual(markdown)
    expect(word).toEqual(markdown)
  })
})

describe('the composer’s live preview', () => {
  it('shows the CSL citations the export writes, for the draft’s cited quotes only', async () => {
    const citations = await callOk<QuoteCitation[]>('briefs:citations', [draft.citationStyle, [quoted.id]])
    expect(citations.map((c) => c.annotationId)).toEqual([quoted.id])
    const citation = phrasingText(citations[0]!.citation)
    // Chicago, with the access date: not the plain citation the quick brief uses.
    expect(citation).toMatch(/Accessed \w+ \d{1,2}, \d{4}/i)
    const exported = markdownFootnotes(await readFile(await exportOk('composed brief', 'markdown'), 'utf8'))
    // The claim's quote and the quote item: each footnote is the citation, then the quote.
    const footnote = `${citation.replace(/\.$/, '')}. Quote: “${QUOTE}”`
    expect(exported).toEqual([footnote, footnote])
  })

  it('answers for the quotes asked about only, leaving out ids no longer in the notebook', async () => {
    const citations = await callOk<QuoteCitation[]>('briefs:citations', ['apa', ['gone', quoted.id]])
    expect(citations.map((c) => c.annotationId)).toEqual([quoted.id])
    expect(phrasingText(citations[0]!.citation)).toContain('Reporter, D. (2024')
  })
})

/** `[^n]: …` lines, with Markdown's escapes and autolink brackets undone. */
function markdownFootnotes(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter((line) => /^\[\^\d+\]: /.test(line))
    .map((line) =>
      line
        .replace(/^\[\^\d+\]: /, '')
        .replace(/<(https?:\/\/[^>]+)>/g, '$1')
        .replace(/\\([\\`*_{}[\]()#+\-.!|~<>&])/g, '$1'),
    )
}

function htmlFootnotes(html: string): string[] {
  const document = new JSDOM(html).window.document
  return Array.from(document.querySelectorAll('section[data-footnotes] li')).map((item) => {
    item.querySelectorAll('a[data-footnote-backref]').forEach((backref) => backref.remove())
    return (item.textContent ?? '').trim()
  })
}

async function docxFootnotes(bytes: Uint8Array): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/footnotes.xml')!.async('string')
  const document = new JSDOM(xml, { contentType: 'application/xml' }).window.document
  return Array.from(document.getElementsByTagName('w:footnote'))
    .filter((note) => Number(note.getAttribute('w:id')) > 0)
    .map((note) =>
      Array.from(note.getElementsByTagName('w:t'))
        .map((t) => t.textContent ?? '')
        .join(''),
    )
}
