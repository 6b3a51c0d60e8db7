import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { BriefDraft, NotebookData } from '../model'
import { SCHEMA_VERSION } from '../model'
import { finishTree } from './brief-tree'
import { citationPhrasing, citeWith } from './citation'
import { outlineDraft } from './draft-tree'
import { serialiseBrief } from './serialise'
import { verifyQuotes } from './verify-quotes'

const TEXT = readFileSync(
  new URL('../../../resources/sample/002_a4871556e040079a.txt', import.meta.url),
  'utf8',
)
const QUOTE = 'at least 3,000 soldiers'
const start = TEXT.indexOf(QUOTE)

const notebook: NotebookData = {
  schemaVersion: SCHEMA_VERSION,
  meta: { id: 'n', name: 'Notebook', created: '' },
  sources: [
    {
      id: 's',
      title: 'Pentagon confirms troops',
      outlet: 'Example Daily',
      author: '',
      published: '2024-10-23',
      url: 'https://example.com/a',
      imported: '2024-10-24T00:00:00.000Z',
      retrieved: '',
      originalFileName: 'a.txt',
      format: 'txt',
      originalSha256: '0'.repeat(64),
      textSha256: '0'.repeat(64),
      textLength: TEXT.length,
      pages: 0,
      nearDuplicates: [],
    },
  ],
  annotations: [
    {
      id: 'a',
      sourceId: 's',
      kind: 'note',
      target: {
        quote: { type: 'TextQuoteSelector', exact: QUOTE, prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start, end: start + QUOTE.length },
      },
      comment: '',
      tagIds: [],
      created: '',
      modified: '',
    },
  ],
  tags: [],
  claims: [
    {
      id: 'c',
      statement: 'North Korea has about 3,000 troops in Russia',
      links: [{ annotationId: 'a', stance: 'supports', attributedTo: 'John Kirby' }],
      credibility: 2,
      tagIds: [],
      created: '',
      modified: '',
    },
  ],
  briefs: [],
}

const draft: BriefDraft = {
  id: 'b',
  title: 'Troops <in> Russia',
  bottomLine: 'They are there.',
  citationStyle: 'chicago',
  sections: [
    {
      id: 's1',
      heading: 'Judgements',
      items: [{ id: 'i1', type: 'claim', claimId: 'c', estimate: 'likely', showQuotes: false }],
    },
    {
      id: 's2',
      heading: 'Evidence',
      items: [
        { id: 'i2', type: 'quote', annotationId: 'a' },
        { id: 'i3', type: 'prose', text: 'Analyst prose.' },
      ],
    },
  ],
  created: '',
  modified: '',
}

describe('composed briefs', () => {
  it('renders judgement, grade, origins and footnotes quoting the source, in section order', async () => {
    const outline = outlineDraft(notebook, draft)
    const tree = finishTree(outline, citeWith(citationPhrasing))
    const result = await serialiseBrief(tree, outline, 'markdown')
    expect(result.fileName).toBe('Troops in Russia.md')
    const md = String(result.content)
    expect(md).toContain('**Likely: North Korea has about 3,000 troops in Russia**')
    expect(md).toContain('Credibility 2 (Probably true)')
    expect(md).toContain('supported by 1 outlet(s) from 1 origin(s)')
    expect(md.match(/^\[\^\d\]:.*Quote: “at least 3,000 soldiers”$/gm)).toHaveLength(2)
    expect(md.indexOf('## Judgements')).toBeLessThan(md.indexOf('## Evidence'))
    expect(md.indexOf('Analyst prose.')).toBeGreaterThan(md.indexOf('## Evidence'))
  })

  it('lists every quote it cites (even a note) for the check, which a changed text fails', () => {
    const outline = outlineDraft(notebook, draft)
    expect(outline.quoted.map((a) => a.id)).toEqual(['a', 'a'])
    expect(outline.footnotes.map((call) => [call.identifier, call.source.id])).toEqual([
      ['1', 's'],
      ['2', 's'],
    ])
    expect(verifyQuotes(outline.quoted, notebook.sources, new Map([['s', TEXT]]))).toEqual([])
    const changed = new Map([['s', TEXT.replace('3,000', '30,000')]])
    expect(verifyQuotes(outline.quoted, notebook.sources, changed).map((p) => p.reason)).toEqual([
      'quote-not-found',
      'quote-not-found',
    ])
  })

  it('names a quote whose source is gone instead of dropping it silently', () => {
    const outline = outlineDraft({ ...notebook, sources: [] }, draft)
    expect(outline.footnotes).toEqual([])
    expect(verifyQuotes(outline.quoted, [], new Map()).map((p) => p.reason)).toEqual(['missing-source'])
  })
})
