import { describe, expect, it } from 'vitest'
import type { Annotation, Claim, ClaimLink, Source } from '../model'
import { annotationFixture, sourceFixture } from '../testing/fixtures'
import { buildMatrixCsv, csvField } from './matrix-csv'

/** A strict RFC 4180 reader, small enough to trust: quoted fields, doubled quotes, CRLF records. */
function parseCsv(csv: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let at = 0
  while (at < csv.length) {
    if (csv[at] === '"' && field === '') {
      // A quoted field runs to the next quote that is not doubled.
      at++
      for (;;) {
        const close = csv.indexOf('"', at)
        if (close < 0) throw new Error('unterminated quoted field')
        field += csv.slice(at, close)
        at = close + 1
        if (csv[at] !== '"') break
        field += '"'
        at++
      }
      if (at < csv.length && csv[at] !== ',' && !csv.startsWith('\r\n', at)) {
        throw new Error(`text after a closing quote at ${at}`)
      }
      continue
    }
    if (csv[at] === ',') {
      record.push(field)
      field = ''
      at++
    } else if (csv.startsWith('\r\n', at)) {
      records.push([...record, field])
      record = []
      field = ''
      at += 2
    } else {
      if (csv[at] === '"' || csv[at] === '\n' || csv[at] === '\r') throw new Error(`bare ${csv[at]} at ${at}`)
      field += csv[at]
      at++
    }
  }
  if (field !== '' || record.length > 0) throw new Error('last record not ended by CRLF')
  return records
}

const source = (id: string, title: string, outlet: string): Source =>
  sourceFixture(id, { title, outlet, originalFileName: `${id}.txt`, reliability: null, textLength: 1000 })

const annotation = (id: string, sourceId: string, exact: string): Annotation =>
  annotationFixture(id, sourceId, exact, {
    created: '2024-11-05T12:00:00.000Z',
    modified: '2024-11-05T12:00:00.000Z',
  })

const claim = (
  id: string,
  statement: string,
  links: ClaimLink[],
  credibility: Claim['credibility'],
): Claim => ({
  id,
  statement,
  links,
  credibility,
  tagIds: [],
  created: '2024-11-05T12:00:00.000Z',
  modified: '2024-11-05T12:00:00.000Z',
})

const sources = [
  source('s1', 'North Korea sends troops', 'Reuters'),
  source('s2', '', 'Yonhap'),
  source('s3', '@Pyongyang denies, "all lies"', ''),
  source('s4', 'Silent on every claim', 'AP'),
]
const annotations = [
  annotation('a1', 's1', 'at least 3,000 soldiers'),
  annotation('a2', 's1', 'a further "1,500" may follow'),
  annotation('a3', 's2', '12,000 troops,\nincluding special forces'),
  annotation('a4', 's3', '=HYPERLINK("http://evil.example","click")'),
  annotation('a5', 's1', 'Пхеньян отрицает'),
]
const claims = [
  claim(
    'c1',
    'North Korea has about 3,000 troops in Russia',
    [
      { annotationId: 'a1', stance: 'supports', attributedTo: 'John Kirby, White House' },
      { annotationId: 'a2', stance: 'mentions', attributedTo: '' },
      { annotationId: 'a3', stance: 'contradicts', attributedTo: 'South Korean intelligence' },
      // A link to a deleted annotation counts for nothing.
      { annotationId: 'gone', stance: 'supports', attributedTo: '' },
    ],
    3,
  ),
  claim(
    'c2',
    '=1+1 troops, or "none"',
    [{ annotationId: 'a4', stance: 'contradicts', attributedTo: '' }],
    null,
  ),
  claim('c3', '-Pyongyang denies it', [{ annotationId: 'a5', stance: 'supports', attributedTo: 'KCNA' }], 6),
]

describe('buildMatrixCsv', () => {
  const csv = buildMatrixCsv({ claims, annotations, sources })

  it('starts with a UTF-8 byte order mark and ends every record with CRLF', () => {
    expect(csv.startsWith('\uFEFFClaim,Credibility,')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    // The only bare LF is the one inside a quoted quote.
    expect(csv.replace(/\r\n/g, '').match(/\n/g)).toHaveLength(1)
  })

  it('reads back cell for cell: a column per speaking source, stances, quotes and attributions', () => {
    expect(parseCsv(csv.slice(1))).toEqual([
      [
        'Claim',
        'Credibility',
        'Reuters — North Korea sends troops',
        'Yonhap — Untitled source',
        `'@Pyongyang denies, "all lies"`,
      ],
      [
        'North Korea has about 3,000 troops in Russia',
        '3',
        'supports: “at least 3,000 soldiers” (per John Kirby, White House) | mentions: “a further "1,500" may follow”',
        'contradicts: “12,000 troops,\nincluding special forces” (per South Korean intelligence)',
        '',
      ],
      ['\'=1+1 troops, or "none"', '', '', '', 'contradicts: “=HYPERLINK("http://evil.example","click")”'],
      ["'-Pyongyang denies it", '6', 'supports: “Пхеньян отрицает” (per KCNA)', '', ''],
    ])
  })

  it('quotes as RFC 4180 says: doubled quotes inside, quoted only when needed', () => {
    expect(csv).toContain(',"\'@Pyongyang denies, ""all lies"""\r\n')
    expect(csv).toContain('\r\n"\'=1+1 troops, or ""none""",,,,')
    expect(csv).toContain("\r\n'-Pyongyang denies it,6,")
  })

  it('gives a header alone when there are no claims', () => {
    expect(buildMatrixCsv({ claims: [], annotations, sources })).toBe('\uFEFFClaim,Credibility\r\n')
  })
})

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    ['=A1,"x"', `"'=A1,""x"""`],
    ['a=b', 'a=b'],
  ])('%j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected)
  })
})
