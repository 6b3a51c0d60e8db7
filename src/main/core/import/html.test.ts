import { readdirSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { JSDOM, VirtualConsole } from 'jsdom'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DomainError } from '../domain-error'
import { extractHtml, MAX_HTML_BYTES } from './html'
import { normalizeDate } from './html-metadata'
import type { ExtractedDocument } from './extracted-document'

const FIXTURES = new URL('../../../../test-fixtures/hostile-html/', import.meta.url)
const fixture = (name: string, port = 9): string =>
  readFileSync(new URL(name, FIXTURES), 'utf8').replaceAll('__PORT__', String(port))
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
const extract = (html: string, options?: { url?: string }): ExtractedDocument =>
  extractHtml(utf8(html), 'page.html', options)

/** The text of each block, with its type and level, for readable assertions. */
const blocks = (doc: ExtractedDocument): string[] =>
  doc.structure.blocks.map(
    (b) => `${b.type}${b.level ? ` ${b.level}` : ''}: ${doc.text.slice(b.start, b.end)}`,
  )

/** What an extractor threw, so tests can check the DomainError's code and message. */
function thrown(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  throw new Error('expected an error')
}

/** A page Readability accepts: enough prose to be an article. */
const article = (body: string, head = ''): string =>
  `<!doctype html><html><head>${head}<title>A test article</title></head><body><article>${body}` +
  '<p>The first paragraph of prose is long enough that the article detector treats this page as an article ' +
  'and not as a stub, which matters because short pages are handled differently by the detector.</p>' +
  '<p>The second paragraph adds more prose of the same kind, so the article has more than one paragraph ' +
  'and a comfortable margin over the minimum length the detector asks for before it trusts a page.</p>' +
  '</article></body></html>'

describe('hostile pages', () => {
  let server: Server
  let port = 0
  const requests: string[] = []
  let connections = 0

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req.url ?? '')
      res.end('')
    })
    server.on('connection', () => connections++)
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
    port = (server.address() as AddressInfo).port
  })

  afterAll(async () => {
    server.closeAllConnections()
    await new Promise<void>((done) => server.close(() => done()))
  })

  const names = readdirSync(FIXTURES).filter((name) => name.endsWith('.html'))

  it('has the fixtures', () => {
    expect(names).toEqual(
      expect.arrayContaining([
        'article.html',
        'form.html',
        'links.html',
        'remote-resources.html',
        'scripts.html',
      ]),
    )
    expect(names).toContain('svg-script.html')
  })

  it('runs no script, fetches nothing and keeps only prose, for every fixture', async () => {
    const results = names.map((name) => extractHtml(utf8(fixture(name, port)), name))
    // jsdom would fetch asynchronously; give any stray request time to arrive before counting.
    await new Promise((done) => setTimeout(done, 300))
    expect(requests).toEqual([])
    expect(connections).toBe(0)
    expect((globalThis as { __canary?: unknown }).__canary).toBeUndefined()
    for (const { text } of results) {
      expect(text).not.toMatch(/canary|__PORT__|127\.0\.0\.1|@import|color: red|alert\(|fetch\(/)
    }
  }, 60_000)

  it('can see a fetch when jsdom is allowed to load resources (the server test is not vacuous)', async () => {
    const virtualConsole = new VirtualConsole()
    virtualConsole.on('jsdomError', () => {})
    // Waits for the connection itself, not a deadline: a busy machine is slow to connect, not wrong.
    const connected = new Promise<void>((done) => server.once('connection', () => done()))
    const dom = new JSDOM(fixture('remote-resources.html', port), { resources: 'usable', virtualConsole })
    await connected
    dom.window.close()
    expect(connections).toBeGreaterThan(0)
    requests.length = 0
    connections = 0
  }, 60_000)

  it('keeps the prose of each hostile page', () => {
    expect(extractHtml(utf8(fixture('scripts.html')), 'scripts.html').text).toContain(
      'The importer must keep the prose and drop the code',
    )
    const svg = extractHtml(utf8(fixture('svg-script.html')), 'svg-script.html').text
    expect(svg).toContain('The prose continues after the chart')
    const form = extractHtml(utf8(fixture('form.html')), 'form.html').text
    expect(form).toContain('After the form the article goes on')
    const remote = extractHtml(utf8(fixture('remote-resources.html')), 'remote-resources.html')
    // Readability drops the <h1> that repeats the title: the title is metadata.
    expect(blocks(remote)).toEqual([
      expect.stringMatching(/^paragraph: Saved pages are full of references/),
      expect.stringMatching(/^paragraph: The second paragraph closes the article/),
    ])
  })

  it('keeps only http(s) and mailto links as data', () => {
    const doc = extractHtml(utf8(fixture('links.html')), 'links.html')
    expect(doc.structure.links.map((l) => l.href)).toEqual([
      'https://example.com/report',
      'mailto:desk@example.com',
      'http://example.org/plain',
    ])
    // The hostile links' words stay, as plain text.
    expect(doc.text).toContain('Read the script link, the mixed-case script link, the data link')
    expect(doc.text).not.toMatch(/javascript:|data:|vbscript:/i)
  })

  // 5,000 is the size the point needs, not a round number: jsdom's window.close() recurses and
  // overflows Node's default stack between 3,000 and 5,000 deep (checked: without the catch around
  // it, 3,000 passes and 5,000 throws), so a shallower page would not test that guard. jsdom's
  // parse is quadratic in depth: ~4 s on an idle 2-core machine, ~20 s with both cores busy.
  it('survives 5,000 nested elements', () => {
    const html = `<html><body>${'<div>'.repeat(5000)}<p>Deep inside.</p>${'</div>'.repeat(5000)}</body></html>`
    const doc = extract(html)
    expect(doc.text).toBe('Deep inside.')
    expect(doc.warnings.join(' ')).toMatch(/nested too deeply/)
  }, 180_000)

  it('refuses a binary file renamed .html', () => {
    let seed = 42
    const bytes = new Uint8Array(4096).map(() => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256)
    bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 0)
    const error = thrown(() => extractHtml(bytes, 'photo.html'))
    expect(error).toBeInstanceOf(DomainError)
    expect(error).toMatchObject({
      code: 'not-html',
      message: expect.stringMatching(/^photo\.html is not a web page: /),
    })
  })

  it('refuses pages over the size limit', () => {
    const error = thrown(() => extractHtml(new Uint8Array(MAX_HTML_BYTES + 1), 'huge.html'))
    expect(error).toMatchObject({ code: 'too-large', message: expect.stringContaining('huge.html') })
  })

  it('refuses a page with no text', () => {
    const error = thrown(() =>
      extract('<html><body><script>var x = 1</script><img src="a.png"></body></html>'),
    )
    expect(error).toMatchObject({ code: 'empty-source', message: 'page.html has no readable article text.' })
  })
})

describe('decoding', () => {
  const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0))

  it('reads undeclared bytes that are not UTF-8 as windows-1252, as browsers do', () => {
    // Not U+FFFD replacement: the bytes are a legacy Western page, and windows-1252 maps every byte,
    // so the analyst gets "Café" rather than "Caf\uFFFD" and nothing is invented.
    const doc = extractHtml(latin1('<p>Caf\xe9 cr\xe8me \x93quoted\x94</p>'), 'old.html')
    expect(doc.text).toBe('Café crème “quoted”')
    expect(doc.warnings.join(' ')).toMatch(/windows-1252/)
  })

  it('honours a declared charset', () => {
    expect(extractHtml(latin1('<meta charset="iso-8859-2"><p>\xb1</p>'), 'pl.html').text).toBe('ą')
    const httpEquiv =
      '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><p>\xcc\xee\xf1\xea\xe2\xe0</p>'
    expect(extractHtml(latin1(httpEquiv), 'ru.html').text).toBe('Москва')
  })

  it('honours a BOM over the declared charset', () => {
    const body = '<meta charset="windows-1252"><p>Zürich</p>'
    const utf16 = new Uint8Array(2 + body.length * 2)
    utf16.set([0xff, 0xfe])
    for (let i = 0; i < body.length; i++) utf16[2 + i * 2] = body.charCodeAt(i)
    expect(extractHtml(utf16, 'utf16.html').text).toBe('Zürich')
    expect(extractHtml(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(body)]), 'bom.html').text).toBe('Zürich')
  })

  it('says so when a declared UTF-8 page has broken bytes', () => {
    const doc = extractHtml(
      new Uint8Array([...utf8('<meta charset="utf-8"><p>ok '), 0xff, ...utf8('</p>')]),
      'x.html',
    )
    expect(doc.text).toBe('ok \uFFFD')
    expect(doc.warnings.join(' ')).toMatch(/not valid utf-8/)
  })
})

describe('article structure', () => {
  const doc = extractHtml(utf8(fixture('article.html')), 'article.html')

  it('turns headings, list items, quotes and code into blocks', () => {
    expect(blocks(doc)).toEqual([
      expect.stringMatching(/^paragraph: The council approved/),
      'heading 2: What the plan does',
      'list-item 1: Deepens the main channel to six metres.',
      'list-item 1: Moves the spoil offshore:',
      'list-item 2: first to the licensed site,',
      'list-item 2: then to the reclamation scheme.',
      'list-item 1: Funds a monitoring programme for the seagrass beds.',
      'heading 3: Who objected',
      'blockquote: We were not consulted about the seagrass at all.',
      'blockquote: The monitoring is an afterthought.',
      expect.stringMatching(/^paragraph: The harbour master said/),
      'preformatted: depth_m = 6.0',
      'preformatted: volume_m3 = 250000',
      expect.stringMatching(/^paragraph: Work is due to start/),
    ])
  })

  it('keeps links with offsets that cover exactly the anchor text', () => {
    expect(doc.structure.links.map((l) => [doc.text.slice(l.start, l.end), l.href])).toEqual([
      ['harbour dredging plan', 'https://gazette.example/docs/plan.pdf'],
      ['winter storm of 2018', 'https://gazette.example/2018/storm'],
      ['news@gazette.example', 'mailto:news@gazette.example'],
    ])
    // The space inside the <a> before "." is kept, as a browser shows it, but outside the link.
    expect(doc.text).toContain('since the winter storm of 2018 .')
  })

  it('reads the metadata', () => {
    expect(doc.metadata).toEqual({
      title: 'Council approves the harbour dredging plan',
      byline: 'Jane Reporter',
      siteName: 'The Coastal Gazette',
      published: '2020-02-14',
      url: 'https://gazette.example/2020/harbour-dredging',
    })
    expect(doc.structure.lang).toBe('en-GB')
    expect(doc.structure.dir).toBe('auto')
  })

  it('turns loose text in containers into paragraphs and a <br> into a space', () => {
    const loose = extract('<body><div>Loose text<br>after a break<p>A paragraph.</p>tail text</div></body>')
    expect(blocks(loose)).toEqual([
      'paragraph: Loose text after a break',
      'paragraph: A paragraph.',
      'paragraph: tail text',
    ])
  })
})

describe('metadata', () => {
  const published = (head: string, body = ''): string => extract(article(body, head)).metadata.published

  it('reads datePublished from JSON-LD: @graph, arrays of objects, plain objects', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [{ '@type': 'WebSite' }, { datePublished: '2021-03-04T10:00:00+01:00' }],
    }
    const ld = (data: unknown) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`
    expect(published(ld(graph))).toBe('2021-03-04')
    expect(published(ld([{ '@type': 'Person' }, { '@type': 'Article', datePublished: '2019-12-31' }]))).toBe(
      '2019-12-31',
    )
    expect(published(ld({ datePublished: '20180102' }))).toBe('2018-01-02')
    // Broken JSON-LD is skipped, not fatal, and a later block still counts.
    expect(
      published(`<script type="application/ld+json">{oops</script>${ld({ datePublished: '2017-05-06' })}`),
    ).toBe('2017-05-06')
  })

  it('reads the date from meta tags and, last, from <time datetime>', () => {
    expect(published('<meta property="article:published_time" content="2016-07-29T22:00:00-04:00">')).toBe(
      '2016-07-29',
    )
    expect(published('<meta property="og:article:published_time" content="2016-07-30">')).toBe('2016-07-30')
    expect(published('<meta name="DC.date.issued" content="2015/04/16">')).toBe('2015-04-16')
    expect(published('<meta name="date" content="Fri, 24 Jul 2015 05:36:09 +0100">')).toBe('2015-07-24')
    expect(published('', '<time datetime="2014-11-09T08:00">November 9</time>')).toBe('2014-11-09')
    expect(published('<meta name="date" content="yesterday">')).toBe('')
  })

  it('normalises dates without shifting time zones', () => {
    expect(normalizeDate('2015-07-24T23:30:00-08:00')).toBe('2015-07-24')
    expect(normalizeDate('July 4th, 2019')).toBe('2019-07-04')
    expect(normalizeDate('2019-02-30')).toBe('')
    expect(normalizeDate('')).toBe('')
  })

  it('takes the URL from canonical or og:url (http/https only), else the given address', () => {
    const url = (head: string, options?: { url?: string }) => extract(article('', head), options).metadata.url
    expect(
      url(
        '<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="https://a.example/x">',
      ),
    ).toBe('https://a.example/x')
    expect(url('<meta property="og:url" content="ftp://a.example/x">')).toBe('')
    expect(url('', { url: 'https://fetched.example/page' })).toBe('https://fetched.example/page')
    expect(url('<link rel="canonical" href="/canonical">', { url: 'https://fetched.example/page' })).toBe(
      'https://fetched.example/canonical',
    )
  })

  it('falls back to og:site_name, and reads lang and dir from the page', () => {
    const doc = extract(
      article('', '<meta property="og:site_name" content="Al Akhbar">').replace(
        '<html>',
        '<html lang="ar" dir="rtl">',
      ),
    )
    expect(doc.metadata.siteName).toBe('Al Akhbar')
    expect(doc.structure.lang).toBe('ar')
    expect(doc.structure.dir).toBe('rtl')
  })

  it('resolves relative links against the page address when one is given', () => {
    const doc = extract(article('<p>See <a href="/other">the other story</a> for more.</p>'), {
      url: 'https://news.example/a/b',
    })
    expect(doc.structure.links.map((l) => l.href)).toContain('https://news.example/other')
    expect(extract(article('<p>See <a href="/other">the other story</a>.</p>')).structure.links).toEqual([])
  })
})
