import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { JSDOM, VirtualConsole } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { extractMentions } from './index'
import type { AttributionMention, DateMention, Mention, QuantityMention } from './index'

// The shared corpus sits beside the repository (../shared/corpus); CORPUS_DIR points elsewhere.
const CORPUS_DIR =
  process.env['CORPUS_DIR'] ?? fileURLToPath(new URL('../../../../shared/corpus', import.meta.url))
const HTML_DIR = join(CORPUS_DIR, 'html')
const hasCorpus = existsSync(HTML_DIR)
if (!hasCorpus) console.warn(`mentions.corpus.test: skipped, no corpus at ${HTML_DIR} (set CORPUS_DIR)`)

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, br, div, figcaption, blockquote, tr, pre'
const quiet = new VirtualConsole()

/** The article body as text: each block ends a line, so sentences do not run into headings. */
function pageText(page: string): string {
  const html = readFileSync(join(HTML_DIR, page, 'expected.html'), 'utf8')
  const { document } = new JSDOM(html, { virtualConsole: quiet }).window
  for (const block of document.querySelectorAll(BLOCKS)) block.append('\n')
  return document.body.textContent ?? ''
}

const cache = new Map<string, { text: string; mentions: Mention[] }>()
function read(page: string) {
  if (!cache.has(page)) {
    const text = pageText(page)
    cache.set(page, { text, mentions: extractMentions(text) })
  }
  return cache.get(page)!
}
const quantity = (page: string, text: string) =>
  read(page).mentions.find((m): m is QuantityMention => m.kind === 'quantity' && m.text === text)
const attribution = (page: string, text: string) =>
  read(page).mentions.find((m): m is AttributionMention => m.kind === 'attribution' && m.text === text)
const date = (page: string, text: string) =>
  read(page).mentions.filter((m): m is DateMention => m.kind === 'date' && m.text === text)

/** A four-digit number from 1500 to 2099 with no thousands separator reads as a year. */
const YEAR_LIKE = /(?<![\d,.])(?:1[5-9]|20)\d\d(?![\d,])/

describe.skipIf(!hasCorpus)('extractMentions on the corpus news pages', () => {
  it('bbc-1: Obama quoted under every form of his name, counts and the day he lands', () => {
    expect(attribution('bbc-1', 'Mr Obama said')?.speaker).toBe('Barack Obama')
    expect(attribution('bbc-1', 'The president said')?.speaker).toBe('Barack Obama')
    expect(attribution('bbc-1', "the BBC's North America editor Jon Sopel said")?.speaker).toBe('Jon Sopel')
    expect(quantity('bbc-1', 'nine African-American churchgoers')).toMatchObject({
      value: 9,
      unit: 'churchgoers',
    })
    expect(quantity('bbc-1', 'two people')).toMatchObject({ value: 2, unit: 'people' })
    expect(date('bbc-1', 'Friday')[0]).toMatchObject({
      weekday: 'Friday',
      event: 'land',
      subject: 'Barack Obama',
    })
  })

  it('cnn: a count, a dated release, and no count from the time stamp or the ranked list', () => {
    expect(quantity('cnn', '10 wealthy countries')).toMatchObject({ value: 10, unit: 'countries' })
    expect(attribution('cnn', 'the report states')).toMatchObject({ speaker: 'the report', cue: 'stated' })
    expect(date('cnn', 'Monday')[0]).toMatchObject({ event: 'release' })
    expect(date('cnn', 'February 1, 2016')[0]?.iso).toBe('2016-02-01')
    const counts = read('cnn').mentions.filter((m) => m.kind === 'quantity')
    expect(counts.map((m) => m.text)).toEqual(['10 wealthy countries'])
  })

  it('guardian-1: estimates with their qualifier, a source by "according to", ages are not counts', () => {
    expect(quantity('guardian-1', 'more than 500 strandings')).toMatchObject({
      value: 500,
      unit: 'strandings',
      approx: true,
      qualifier: 'more than',
    })
    expect(quantity('guardian-1', 'more than 5,000 incidents')?.value).toBe(5000)
    expect(quantity('guardian-1', '140 pilot whales')).toMatchObject({ value: 140, unit: 'pilot whales' })
    expect(
      attribution('guardian-1', 'according to the New Zealand Department of Conservation')?.speaker,
    ).toBe('the New Zealand Department of Conservation')
    const units = read('guardian-1').mentions.flatMap((m) => (m.kind === 'quantity' ? [m.unit] : []))
    expect(units.some((unit) => unit.includes('years'))).toBe(false)
  })

  it('nytimes-1: a speaker behind an apposition, then by surname and pronoun; vague counts', () => {
    const reeves = 'Eric Reeves, one of the leading American academic voices on Sudan, said'
    expect(attribution('nytimes-1', reeves)).toMatchObject({ speaker: 'Eric Reeves', person: true })
    expect(attribution('nytimes-1', 'Mr. Reeves said')?.speaker).toBe('Eric Reeves')
    expect(attribution('nytimes-1', 'He said')?.speaker).toBe('Eric Reeves')
    expect(quantity('nytimes-1', 'more than 200 people')?.value).toBe(200)
    expect(quantity('nytimes-1', 'tens of thousands of civilians')).toMatchObject({
      value: null,
      unit: 'civilians',
    })
    expect(date('nytimes-1', 'Thursday')[0]).toMatchObject({
      event: 'say',
      subject: 'Obama administration officials',
    })
  })

  it('nytimes-2: sums of money, and no count from years or percentages', () => {
    expect(quantity('nytimes-2', '$4.8 billion')).toMatchObject({
      value: 4.8e9,
      unit: 'dollars',
      category: 'money',
    })
    expect(quantity('nytimes-2', 'about $28 billion')).toMatchObject({ value: 28e9, qualifier: 'about' })
    expect(quantity('nytimes-2', '$144 million')?.value).toBe(144e6)
    expect(attribution('nytimes-2', 'Alibaba says')).toMatchObject({ speaker: 'Alibaba', cue: 'said' })
    const values = read('nytimes-2').mentions.flatMap((m) => (m.kind === 'quantity' ? [m.value] : []))
    for (const notACount of [1940, 2009, 2013, 10]) expect(values).not.toContain(notACount)
  })

  const pages = hasCorpus
    ? readdirSync(HTML_DIR, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
    : []

  it('covers all 30 pages', () => expect(pages).toHaveLength(30))

  it.each(pages)('%s: runs, every offset round-trips, no year is read as a count', (page) => {
    const { text, mentions } = read(page)
    for (const mention of mentions) {
      expect(text.slice(mention.start, mention.end)).toBe(mention.text)
      if (mention.kind === 'quantity') expect(mention.text).not.toMatch(YEAR_LIKE)
    }
  })
})
