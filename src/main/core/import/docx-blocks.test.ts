import { describe, expect, it } from 'vitest'
import { addDocxBlocks } from './docx-blocks'
import { visualHeadingLevel, type MammothNode } from './docx-headings'
import { isoDay, parseCoreProperties } from './docx-metadata'
import { DocumentBuilder } from './extracted-document'

function blocksOf(html: string) {
  const builder = new DocumentBuilder()
  const summary = addDocxBlocks(html, builder)
  const { text, structure } = builder.build()
  return {
    text,
    summary,
    blocks: structure.blocks.map((b) => ({
      type: b.type,
      text: text.slice(b.start, b.end),
      ...(b.level ? { level: b.level } : {}),
    })),
    links: structure.links.map((l) => ({ text: text.slice(l.start, l.end), href: l.href })),
  }
}

describe('addDocxBlocks', () => {
  it('maps headings, paragraphs and nested lists with their depth', () => {
    const { blocks } = blocksOf(
      '<h2>Title</h2><p>Intro <strong>bold</strong> end</p>' +
        '<ul><li>One<ol><li>One.a</li><li>One.b<ul><li>deep</li></ul></li></ol></li><li>Two</li></ul>',
    )
    expect(blocks).toEqual([
      { type: 'heading', text: 'Title', level: 2 },
      { type: 'paragraph', text: 'Intro bold end' },
      { type: 'list-item', text: 'One', level: 1 },
      { type: 'list-item', text: 'One.a', level: 2 },
      { type: 'list-item', text: 'One.b', level: 2 },
      { type: 'list-item', text: 'deep', level: 3 },
      { type: 'list-item', text: 'Two', level: 1 },
    ])
  })

  it('caps list depth at 6, the most the model allows', () => {
    const html = '<ul><li>1' + '<ul><li>x'.repeat(7) + '</li></ul>'.repeat(7) + '</li></ul>'
    expect(Math.max(...blocksOf(html).blocks.map((b) => b.level ?? 0))).toBe(6)
  })

  it("makes each table cell's paragraphs paragraphs, in reading order", () => {
    const { text, blocks } = blocksOf(
      '<table><tr><td><p>A1</p><p>A1 again</p></td><td>B1 loose</td></tr><tr><td><p>A2</p></td><td></td></tr></table>',
    )
    expect(text).toBe('A1\nA1 again\nB1 loose\nA2')
    expect(blocks.every((b) => b.type === 'paragraph')).toBe(true)
  })

  it('keeps http(s) and mailto links as data, and only the text of any other link', () => {
    const { text, links } = blocksOf(
      '<p>See <a href="https://example.org/a">the <em>report</em></a>, <a href="mailto:x@example.org">mail</a>, ' +
        '<a href="file:///C:/secret.docx">a file</a>, <a href="#_Toc1">a bookmark</a> and ' +
        '<a href="javascript:alert(1)">a script</a>.</p>',
    )
    expect(text).toBe('See the report, mail, a file, a bookmark and a script.')
    expect(links).toEqual([
      { text: 'the report', href: 'https://example.org/a' },
      { text: 'mail', href: 'mailto:x@example.org' },
    ])
  })

  it('moves notes after the body with their markers, dropping the back-links', () => {
    const { text, blocks, summary } = blocksOf(
      '<p>Claim<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup> and more<sup><a href="#endnote-4" id="endnote-ref-4">[2]</a></sup>.</p>' +
        '<p>After.</p>' +
        '<ol><li id="footnote-1"><p> Source one. <a href="#footnote-ref-1">↑</a></p></li>' +
        '<li id="endnote-4"><p> Source two,</p><p>second paragraph. <a href="#endnote-ref-4">↑</a></p></li></ol>',
    )
    expect(blocks).toEqual([
      { type: 'paragraph', text: 'Claim[1] and more[2].' },
      { type: 'paragraph', text: 'After.' },
      { type: 'footnote', text: '[1] Source one.' },
      { type: 'footnote', text: '[2] Source two, second paragraph.' },
    ])
    expect(text).not.toContain('↑')
    expect(summary).toEqual({ footnotes: 1, endnotes: 1, images: 0 })
  })

  it('leaves an ordinary numbered list at the end of the document in the body', () => {
    const { blocks } = blocksOf('<p>Steps:</p><ol><li>First</li><li id="x">Second</li></ol>')
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'list-item', 'list-item'])
  })

  it('counts and drops images, and spaces line breaks', () => {
    const { text, summary } = blocksOf('<p>Before<img src="" alt="chart" />after<br />next line</p>')
    expect(text).toBe('Beforeafter next line')
    expect(summary.images).toBe(1)
  })

  it('walks elements an embedded style map may invent as containers, keeping their text', () => {
    const { blocks } = blocksOf(
      '<section><p>In a section</p></section><blockquote><p>Quoted</p></blockquote><pre>code  here</pre>' +
        '<div>loose <span>text</span></div><script>not run</script>',
    )
    expect(blocks).toEqual([
      { type: 'paragraph', text: 'In a section' },
      { type: 'blockquote', text: 'Quoted' },
      { type: 'preformatted', text: 'code here' },
      { type: 'paragraph', text: 'loose text' },
      { type: 'paragraph', text: 'not run' },
    ])
  })

  it('keeps words apart where an item holds several paragraphs', () => {
    const { blocks } = blocksOf('<ul><li><p>first</p><p>second</p></li></ul>')
    expect(blocks).toEqual([
      { type: 'list-item', text: 'first', level: 1 },
      { type: 'list-item', text: 'second', level: 1 },
    ])
  })
})

describe('visualHeadingLevel', () => {
  const run = (text: string, props: { isBold?: boolean; fontSize?: number | null }): MammothNode => ({
    type: 'run',
    ...props,
    children: [{ type: 'text', value: text }],
  })
  const paragraph = (children: MammothNode[], props: Partial<MammothNode> = {}): MammothNode => ({
    type: 'paragraph',
    styleName: null,
    children,
    ...props,
  })

  it('promotes short, large, bold paragraphs by size', () => {
    expect(visualHeadingLevel(paragraph([run('CHAPTER 1', { isBold: true, fontSize: 25 })]))).toBe(1)
    expect(visualHeadingLevel(paragraph([run('Section', { isBold: true, fontSize: 16 })]))).toBe(2)
    expect(visualHeadingLevel(paragraph([run('Sub', { isBold: true, fontSize: 14 })]))).toBe(3)
    expect(visualHeadingLevel(paragraph([run('Big plain title', { fontSize: 24 })]))).toBe(1)
  })

  it('ignores whitespace runs and reads runs inside hyperlinks', () => {
    const p = paragraph([
      run('  ', { fontSize: 10 }),
      { type: 'hyperlink', children: [run('Linked heading', { isBold: true, fontSize: 20 })] },
    ])
    expect(visualHeadingLevel(p)).toBe(1)
  })

  it('leaves body text, bold body text, long text, list items and styled paragraphs alone', () => {
    expect(visualHeadingLevel(paragraph([run('Body', { fontSize: 12 })]))).toBeNull()
    expect(visualHeadingLevel(paragraph([run('Bold body', { isBold: true, fontSize: 12 })]))).toBeNull()
    expect(visualHeadingLevel(paragraph([run('Unsized bold', { isBold: true })]))).toBeNull()
    expect(visualHeadingLevel(paragraph([run('Medium, not bold', { fontSize: 15 })]))).toBeNull()
    expect(visualHeadingLevel(paragraph([run('x'.repeat(121), { isBold: true, fontSize: 20 })]))).toBeNull()
    expect(
      visualHeadingLevel(
        paragraph([
          run('Big ', { isBold: true, fontSize: 20 }),
          run('then small', { isBold: true, fontSize: 11 }),
        ]),
      ),
    ).toBeNull()
    const big = [run('Item', { isBold: true, fontSize: 20 })]
    expect(visualHeadingLevel(paragraph(big, { numbering: { level: 0 } }))).toBeNull()
    expect(visualHeadingLevel(paragraph(big, { styleName: 'Caption' }))).toBeNull()
    expect(visualHeadingLevel(paragraph(big, { styleName: 'Normal' }))).toBe(1)
    expect(visualHeadingLevel(paragraph([]))).toBeNull()
  })
})

describe('docProps/core.xml', () => {
  const core = (inner: string) =>
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties ' +
    'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${inner}</cp:coreProperties>`

  it('reads title, creator and the creation day', () => {
    const xml = core(
      '<dc:title> Annual\n report </dc:title><dc:creator>Ada Lovelace</dc:creator>' +
        '<dcterms:created xsi:type="dcterms:W3CDTF">2021-03-04T22:15:00Z</dcterms:created>',
    )
    expect(parseCoreProperties(xml)).toMatchObject({
      title: 'Annual report',
      byline: 'Ada Lovelace',
      published: '2021-03-04',
    })
  })

  it('drops placeholder authors and implausible dates, and survives malformed XML', () => {
    expect(parseCoreProperties(core('<dc:creator>python-docx</dc:creator>')).byline).toBe('')
    expect(
      parseCoreProperties(core('<dcterms:created>1601-01-01T00:00:00Z</dcterms:created>')).published,
    ).toBe('')
    expect(parseCoreProperties('<cp:coreProperties><dc:title>oops').title).toBe('')
    expect(isoDay('2023-02-30T00:00:00Z')).toBe('')
    expect(isoDay('2023-02-28')).toBe('2023-02-28')
    expect(isoDay('yesterday')).toBe('')
  })
})
