import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createCitationFormatter } from './format-citation'
import type { CitedSource } from './format-citation'

const CSL_DIR = join(import.meta.dirname, '..', '..', '..', '..', 'resources', 'csl')

const URL_AP = 'https://apnews.com/article/north-korea-russia-troops-ukraine-war-3c0a0b5f'

const apArticle: CitedSource = {
  id: 'ap-north-korea-troops',
  title: 'North Korea has sent troops to Russia, US says',
  outlet: 'Associated Press',
  author: 'Hyung-Jin Kim',
  published: '2024-10-23',
  url: URL_AP,
  accessed: '2024-10-24T08:15:00Z',
  type: 'article-newspaper',
}

/** An imported page with no byline and no date: the styles must fall back, not fail. */
const anonymousPage: CitedSource = {
  id: 'monitor-explainer',
  title: 'What we know about the troop deployment',
  outlet: 'Example Monitor',
  author: '',
  published: '',
  url: 'https://example.org/troops',
  accessed: '2024-10-24',
  type: 'webpage',
}

describe('Chicago (full note)', () => {
  const chicago = createCitationFormatter(CSL_DIR, 'chicago')

  it('gives the full footnote for a first citation', () => {
    const note = chicago.note(apArticle)
    expect(note).toContain('Hyung-Jin Kim')
    // CMOS headline-cases the title and puts the comma inside the quotation marks.
    expect(note).toContain('“North Korea Has Sent Troops to Russia, US Says,”')
    expect(note).toContain('Associated Press')
    expect(note).toContain('October 23, 2024')
    expect(note).toContain(URL_AP)
    expect(note).toBe(
      `Hyung-Jin Kim, “North Korea Has Sent Troops to Russia, US Says,” Associated Press, October 23, 2024, ${URL_AP}.`,
    )
  })

  it('puts a pinpoint page after the date, unlabelled as CMOS has it', () => {
    expect(chicago.note({ ...apArticle, page: 2 })).toContain('October 23, 2024, 2, https://apnews.com/')
  })

  it('stays a full note when the same source is cited again', () => {
    chicago.note(apArticle)
    expect(chicago.note(apArticle)).toContain('Associated Press, October 23, 2024')
  })

  it('lists the bibliography family name first, sorted by author', () => {
    expect(chicago.bibliography([apArticle, anonymousPage])).toEqual([
      'Example Monitor. “What We Know about the Troop Deployment.” Accessed October 24, 2024. https://example.org/troops.',
      `Kim, Hyung-Jin. “North Korea Has Sent Troops to Russia, US Says.” Associated Press, October 23, 2024. ${URL_AP}.`,
    ])
  })

  it('cites an undated page by its access date', () => {
    expect(chicago.note(anonymousPage)).toBe(
      '“What We Know about the Troop Deployment,” Example Monitor, accessed October 24, 2024, https://example.org/troops.',
    )
  })
})

describe('APA', () => {
  const apa = createCitationFormatter(CSL_DIR, 'apa')

  it('gives the reference-list entry with initials and the full date', () => {
    const [entry] = apa.bibliography([apArticle])
    expect(entry).toContain('Kim, H.-J.')
    expect(entry).toContain('(2024, October 23)')
    // APA keeps the title in sentence case as given.
    expect(entry).toContain('North Korea has sent troops to Russia, US says')
    expect(entry).toContain('Associated Press')
    expect(entry).toContain(URL_AP)
    expect(entry).toBe(
      `Kim, H.-J. (2024, October 23). North Korea has sent troops to Russia, US says. Associated Press. ${URL_AP}`,
    )
  })

  it('formats a source without author or date, with n.d. and a retrieval date', () => {
    expect(apa.bibliography([anonymousPage])).toEqual([
      'What we know about the troop deployment. (n.d.). Example Monitor. Retrieved October 24, 2024, from https://example.org/troops',
    ])
    expect(apa.note(anonymousPage)).toContain('n.d.')
  })

  it('uses the in-text citation as its note, with the page', () => {
    expect(apa.note(apArticle)).toBe('(Kim, 2024)')
    expect(apa.note({ ...apArticle, page: 2 })).toBe('(Kim, 2024, p. 2)')
  })

  it('orders entries alphabetically and drops a repeated id', () => {
    const entries = apa.bibliography([anonymousPage, apArticle, apArticle])
    expect(entries).toHaveLength(2)
    expect(entries[0]).toMatch(/^Kim, H\.-J\./)
    expect(entries[1]).toMatch(/^What we know/)
  })

  it('keeps one call from disambiguating the next', () => {
    const sameAuthorAndYear = { ...apArticle, id: 'ap-other', title: 'Another report' }
    expect(apa.bibliography([apArticle, sameAuthorAndYear])[0]).toContain('(2024a, October 23)')
    expect(apa.note(apArticle)).toBe('(Kim, 2024)')
  })

  it('formats the current record when a source is edited under the same id', () => {
    apa.bibliography([apArticle])
    expect(apa.bibliography([{ ...apArticle, title: 'Corrected headline' }])[0]).toContain(
      'Corrected headline',
    )
  })
})

describe('bundled styles, offline', () => {
  const realFetch = globalThis.fetch
  let copy: string | undefined

  afterEach(async () => {
    globalThis.fetch = realFetch
    if (copy) await rm(copy, { recursive: true, force: true })
    copy = undefined
  })

  it('builds and formats without touching the network', async () => {
    // A fresh folder, so the engines are built here and not taken from the cache of earlier tests.
    copy = await mkdtemp(join(tmpdir(), 'corroborate-csl-'))
    await cp(CSL_DIR, copy, { recursive: true })
    globalThis.fetch = () => {
      throw new Error('citation formatting must not fetch')
    }
    for (const style of ['chicago', 'apa'] as const) {
      const formatter = createCitationFormatter(copy, style)
      expect(formatter.note(apArticle)).toContain('Kim')
      expect(formatter.bibliography([apArticle, anonymousPage])).toHaveLength(2)
    }
  })

  it('reads a style once per folder and style', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'corroborate-csl-'))
    copy = dir
    await cp(CSL_DIR, dir, { recursive: true })
    createCitationFormatter(dir, 'apa')
    await rm(dir, { recursive: true, force: true })
    // The files are gone: a second formatter can only work from the parsed style already cached.
    expect(createCitationFormatter(dir, 'apa').note(apArticle)).toBe('(Kim, 2024)')
    expect(() => createCitationFormatter(dir, 'chicago')).toThrow(/ENOENT/)
  })
})
