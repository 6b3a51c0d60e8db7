import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Annotation, NotebookData, Source } from '../model'
import { SCHEMA_VERSION } from '../model'
import {
  briefFileName,
  citationPhrasing,
  citeWith,
  collectBrief,
  finishTree,
  outlineQuickBrief,
  serialiseBrief,
  verifyQuotes,
} from './index'

const SEED = readFileSync(
  new URL('../../../resources/sample/002_a4871556e040079a.txt', import.meta.url),
  'utf8',
)
const QUOTE = 'at least 3,000 soldiers'
const GENERATED = '2024-10-25T09:30:00.000Z'
const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

function source(id: string, text: string, overrides: Partial<Source> = {}): Source {
  return {
    id,
    title: 'Pentagon confirms North Korean troops in Russia',
    outlet: 'Example Daily',
    author: 'Dana Reporter',
    published: '2024-10-23',
    url: 'https://example.com/news/north-korea-troops',
    imported: '2024-10-24T08:00:00.000Z',
    originalFileName: '002_a4871556e040079a.txt',
    format: 'txt',
    originalSha256: sha256(text),
    textSha256: sha256(text),
    textLength: text.length,
    retrieved: '',
    pages: 0,
    nearDuplicates: [],
    ...overrides,
  }
}

function annotation(
  id: string,
  sourceId: string,
  text: string,
  exact: string,
  extra: Partial<Annotation> = {},
): Annotation {
  const start = text.indexOf(exact)
  if (start < 0) throw new Error(`fixture quote not in text: ${exact}`)
  const target: Annotation['target'] = {
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
  }
  return { id, sourceId, kind: 'claim', target, comment: '', tagIds: [], created: '', modified: '', ...extra }
}

function seedNotebook(sourceOverrides: Partial<Source> = {}): NotebookData {
  return {
    schemaVersion: SCHEMA_VERSION,
    meta: { id: 'nb1', name: 'North Korea / Russia: week 43', created: '2024-10-24T07:00:00.000Z' },
    sources: [source('s1', SEED, sourceOverrides)],
    annotations: [
      annotation('a1', 's1', SEED, QUOTE, { comment: 'US says North Korea sent troops.', tagIds: ['t1'] }),
      annotation('n1', 's1', SEED, 'Vladivostok', { kind: 'note', comment: 'PRIVATE-NOTE check port' }),
    ],
    tags: [{ id: 't1', name: 'troop numbers' }],
    claims: [],
    briefs: [],
  }
}

const seedTexts = new Map([['s1', SEED]])

/** The pure half of the export (main reads and checks the texts first): outline, cite, serialise. */
async function exportOk(
  notebook: NotebookData,
  format: 'markdown' | 'html',
  pages?: ReadonlyMap<string, number>,
): Promise<{ content: string; fileName: string }> {
  const outline = outlineQuickBrief(notebook, GENERATED)
  const file = await serialiseBrief(finishTree(outline, citeWith(citationPhrasing, pages)), outline, format)
  return { content: String(file.content), fileName: file.fileName }
}

const problemsOf = (notebook: NotebookData, texts: ReadonlyMap<string, string | null>) =>
  verifyQuotes(outlineQuickBrief(notebook, GENERATED).quoted, notebook.sources, texts)

describe('Markdown brief', () => {
  it('cites the PDF page a quote is on', async () => {
    const notebook = seedNotebook({ format: 'pdf', pages: 3 })
    const result = await exportOk(notebook, 'markdown', new Map([['a1', 2]]))
    const footnote = result.content.split('\n').find((line) => line.startsWith('[^1]:'))
    expect(footnote).toContain('Dana Reporter, 2024-10-23, p. 2, <https://')
  })

  it('cites outlet, title, author, date, URL and the exact quote in a footnote', async () => {
    const { content, fileName } = await exportOk(seedNotebook(), 'markdown')
    expect(fileName).toBe('North Korea Russia week 43.md')
    expect(content).toMatch(/^# North Korea \/ Russia: week 43\n/)
    expect(content).toContain('Generated 2024-10-25T09:30:00.000Z: 1 claim from 1 source.')
    expect(content).toContain('- US says North Korea sent troops. _Tags: troop numbers_[^1]')
    const footnote = content.split('\n').find((line) => line.startsWith('[^1]:'))
    expect(footnote).toBe(
      '[^1]: Example Daily, “Pentagon confirms North Korean troops in Russia”, Dana Reporter, 2024-10-23, ' +
        '<https://example.com/news/north-korea-troops>. Quote: “at least 3,000 soldiers”',
    )
    expect(content).toContain(`Text SHA-256: \`${sha256(SEED)}\``)
    expect(content).toContain('Imported: 2024-10-24T08:00:00.000Z')
    expect(content).not.toContain('PRIVATE-NOTE')
    expect(content).not.toContain('Vladivostok')
  })

  it('falls back to the quote for an empty comment and to "n.d." for an unknown date', async () => {
    const notebook = seedNotebook({ published: '', url: '', author: '' })
    notebook.annotations = [annotation('a1', 's1', SEED, QUOTE)]
    const { content } = await exportOk(notebook, 'markdown')
    expect(content).toContain('- “at least 3,000 soldiers”[^1]')
    expect(content).toContain(
      '[^1]: Example Daily, “Pentagon confirms North Korean troops in Russia”, n.d. Quote:',
    )
  })

  it('backslash-escapes Markdown syntax in a quote, so it renders verbatim but the raw file differs', async () => {
    const text = 'Officials said the *preliminary* count was [about] 3,000.'
    const notebook = seedNotebook()
    notebook.sources = [source('s1', text)]
    notebook.annotations = [annotation('a1', 's1', text, '*preliminary* count was [about]')]
    const { content } = await exportOk(notebook, 'markdown')
    expect(content).toContain('Quote: “\\*preliminary\\* count was \\[about]”')
    expect(content).not.toContain('*preliminary* count')
    // HTML has no such issue: the quote is a text node and contains no `<` or `&`.
    expect((await exportOk(notebook, 'html')).content).toContain('*preliminary* count was [about]')
  })
})

describe('HTML brief', () => {
  it('is a complete standalone document with a CSP, no scripts and the exact quote', async () => {
    const { content, fileName } = await exportOk(seedNotebook(), 'html')
    expect(fileName).toBe('North Korea Russia week 43.html')
    expect(content).toMatch(/^<!doctype html><html lang="en"><head><meta charset="utf-8">/)
    // hast-util-to-html writes `'` in attribute values as `&#x27;`; the browser reads the same policy.
    const csp = content.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1]
    expect(csp?.replaceAll('&#x27;', "'")).toBe("default-src 'none'; style-src 'unsafe-inline'")
    expect(content).toContain('<title>North Korea / Russia: week 43</title>')
    expect(content).toMatch(/<style>[^<]*@media print/)
    expect(content).toContain('Quote: “at least 3,000 soldiers”')
    expect(content).toContain('href="https://example.com/news/north-korea-troops"')
    expect(content).not.toMatch(/<script|<link|<img|src=/i)
    expect(content).not.toContain('PRIVATE-NOTE')
    expect(content.trimEnd()).toMatch(/<\/html>$/)
  })

  it('links each footnote call to its citation and back', async () => {
    const { content } = await exportOk(seedNotebook(), 'html')
    const call = content.match(/<a href="#([^"]*fn-1)" id="([^"]*fnref-1)"/)
    expect(call).not.toBeNull()
    const [, definitionId, referenceId] = call ?? []
    expect(content).toContain(`<li id="${definitionId}">`)
    expect(content).toContain(`href="#${referenceId}" data-footnote-backref`)
  })

  it('escapes hostile metadata and comments and never links a non-http URL', async () => {
    const notebook = seedNotebook({
      title: '<script>alert(1)</script>',
      outlet: '<img src=x onerror=alert(1)>',
      url: 'javascript:alert(1)',
    })
    notebook.meta.name = '</title><script>alert(2)</script>'
    notebook.annotations[0] = annotation('a1', 's1', SEED, QUOTE, { comment: 'x" onmouseover="alert(3)' })
    const html = (await exportOk(notebook, 'html')).content
    expect(html).not.toMatch(/<script|<img|href="javascript/i)
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>')
    expect(html).toContain('<title>&#x3C;/title>&#x3C;script>alert(2)&#x3C;/script></title>')
  })
})

describe('quote verification', () => {
  it('reports a quote the text no longer contains', () => {
    const tampered = SEED.replace('3,000', '30,000')
    expect(problemsOf(seedNotebook(), new Map([['s1', tampered]]))).toEqual([
      {
        annotationId: 'a1',
        sourceId: 's1',
        sourceTitle: 'Pentagon confirms North Korean troops in Russia',
        quote: QUOTE,
        reason: 'quote-not-found',
      },
    ])
    expect(problemsOf(seedNotebook(), seedTexts)).toEqual([])
  })

  it('reports a missing text and a missing source, and ignores notes', () => {
    const notebook = seedNotebook()
    notebook.annotations.push(annotation('a2', 'gone', SEED, 'Wonsan'))
    const problems = problemsOf(notebook, new Map([['s1', null]]))
    expect(problems.map(({ annotationId, reason }) => [annotationId, reason])).toEqual([
      ['a1', 'missing-text'],
      ['a2', 'missing-source'],
    ])
    expect(problemsOf(notebook, new Map())).toHaveLength(2)
  })

  it('accepts a verbatim quote whose stored offsets have moved', () => {
    const shifted = `Editor's note: updated.\n${SEED}`
    expect(problemsOf(seedNotebook(), new Map([['s1', shifted]]))).toEqual([])
  })
})

describe('collectBrief', () => {
  it('orders claims by source order, then position, and lists only cited sources', () => {
    const other = 'Seoul said 1,500 special forces had been sent. More may follow.'
    const notebook = seedNotebook()
    notebook.sources = [source('s1', SEED), source('s2', other), source('s3', 'never cited')]
    notebook.annotations = [
      annotation('late', 's1', SEED, 'Vladivostok'),
      annotation('second-source', 's2', other, '1,500 special forces'),
      annotation('early', 's1', SEED, QUOTE),
      annotation('note', 's1', SEED, 'Wonsan', { kind: 'note' }),
    ]
    const brief = collectBrief(notebook, { generated: GENERATED })
    expect(brief.claims.map((claim) => claim.annotationId)).toEqual(['early', 'late', 'second-source'])
    expect(brief.sources.map((cited) => cited.id)).toEqual(['s1', 's2'])
  })
})

describe('briefFileName', () => {
  it('makes any notebook name a safe file name', () => {
    expect(briefFileName('a/b\\c:d*?"<>|e\u0000', 'md')).toBe('a b c d e.md')
    expect(briefFileName(' ..hidden. ', 'html')).toBe('hidden.html')
    expect(briefFileName('', 'md')).toBe('brief.md')
    expect(briefFileName('CON', 'md')).toBe('CON brief.md')
  })
})
