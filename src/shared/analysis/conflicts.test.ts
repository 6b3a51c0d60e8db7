import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { findConflicts, toClaimSuggestion } from './index'
import type { AnalysisSource, ConflictGroup } from './index'

const SAMPLE_DIR = new URL('../../../resources/sample/', import.meta.url)
// Source ids are the seed numbers: '000' … '004'.
const SOURCES: AnalysisSource[] = readdirSync(SAMPLE_DIR)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => ({
    id: name.slice(0, 3),
    outlet: `Outlet ${name.slice(0, 3)}`,
    title: '',
    text: readFileSync(new URL(name, SAMPLE_DIR), 'utf8'),
  }))
const textOf = (id: string) => SOURCES.find((source) => source.id === id)!.text
const report = findConflicts(SOURCES)
const group = (kind: ConflictGroup['kind'], topic: string) =>
  report.groups.find((g) => g.kind === kind && g.topic === topic)

describe('findConflicts on the seed reports', () => {
  it('groups the troop counts of all five reports, and they conflict', () => {
    const troops = group('quantity', 'troops')!
    expect(troops.conflicting).toBe(true)
    expect(troops.values.map((v) => v.value)).toEqual([
      '1,500',
      '2,600',
      '3,000',
      '10,000',
      '12,000',
      '1,200,000',
    ])
    expect(troops.values.find((v) => v.value === '3,000')?.sourceIds).toEqual(['001', '002', '003', '004'])
    expect(troops.values.find((v) => v.value === '10,000')?.sourceIds).toEqual(['001', '002', '003', '004'])
    expect(troops.values.find((v) => v.value === '12,000')?.sourceIds).toEqual(['000'])
    expect(new Set(troops.mentions.map((m) => m.sourceId)).size).toBeGreaterThanOrEqual(4)
    // Soldiers, troops and special forces are one topic.
    expect(new Set(troops.mentions.map((m) => m.mention.kind === 'quantity' && m.mention.unit))).toEqual(
      new Set(['troops', 'soldiers', 'special forces']),
    )
  })

  it('keeps containers and Russian losses out of the troop group', () => {
    const texts = group('quantity', 'troops')!.mentions.map((m) => m.mention.text)
    expect(texts).not.toContain('over 13,000 containers')
    expect(texts).not.toContain('thousands of Russian troops')
  })

  it("surfaces the disagreement over the day of Lloyd Austin's statement", () => {
    const austin = group('date', 'Lloyd Austin: statement')!
    expect(austin.conflicting).toBe(true)
    expect(austin.values).toEqual([
      { value: 'Monday', sourceIds: ['001'] },
      { value: 'Tuesday', sourceIds: ['003'] },
      { value: 'Wednesday', sourceIds: ['000', '001'] },
    ])
    for (const { sourceId, mention } of austin.mentions)
      expect(textOf(sourceId).slice(mention.start, mention.end)).toBe(mention.text)
  })

  it('finds the UK-government denial that only seed 004 reports', () => {
    const uk = report.singletons.find((s) => s.speaker === 'UK government')!
    expect(uk.sourceId).toBe('004')
    expect(uk.text).toBe(
      'The UK government, along with North Korea and Russia, have all denied these claims.',
    )
    expect(textOf('004').slice(uk.sentenceStart, uk.sentenceEnd)).toBe(uk.text)
    expect(uk.reason).toMatch(/only this source/i)
    // Russia and North Korea's denials are in other reports too: not single-sourced.
    const denials = report.singletons.filter((s) => /denied|dismissed/.test(s.text))
    expect(denials.map((s) => s.sourceId)).toEqual(['004'])
  })

  it('flags speakers only one report quotes, not those several do', () => {
    const speakers = report.singletons.map((s) => [s.sourceId, s.speaker])
    expect(speakers).toContainEqual(['000', 'Dmitry Peskov'])
    expect(speakers).toContainEqual(['001', 'Park Sunwon'])
    expect(speakers).toContainEqual(['002', 'the Pentagon'])
    const named = speakers.map(([, speaker]) => speaker)
    for (const widelyQuoted of ['Lloyd Austin', 'John Kirby', 'Mark Rutte', 'Cho Tae-yong', 'The NIS'])
      expect(named).not.toContain(widelyQuoted)
  })

  it('suggests a claim for the troop group: quotes that slice back, majority supports, others contradict', () => {
    const troops = group('quantity', 'troops')!
    const suggestion = toClaimSuggestion(troops)
    expect(suggestion.statement).toBe(
      'Troops: 3,000 (4 sources); other sources give 1,500 (3 sources), 2,600 (1 source), ' +
        '10,000 (4 sources), 12,000 (1 source), 1,200,000 (1 source).',
    )
    expect(suggestion.links).toHaveLength(troops.mentions.length)
    suggestion.links.forEach((link, i) => {
      const { mention } = troops.mentions[i]!
      expect(textOf(link.sourceId).slice(link.start, link.end)).toBe(mention.text)
      const value = mention.kind === 'quantity' ? mention.value : undefined
      const stance = value === null ? 'mentions' : value === 3000 ? 'supports' : 'contradicts'
      expect(link.stance).toBe(stance)
    })
    expect(new Set(suggestion.links.map((l) => l.stance))).toEqual(
      new Set(['supports', 'contradicts', 'mentions']),
    )
    const kirby = suggestion.links.find(
      (l) => textOf(l.sourceId).slice(l.start, l.end) === 'at least 3,000 soldiers',
    )
    expect(kirby?.attributedTo).toBe('John Kirby')
    // "…estimates suggest … about 3,000 Northern troops …, but … Zelenskyy … have said … more than 10,000":
    // the speaker after "but" owns only the second figure.
    const attributed = (quote: string) =>
      suggestion.links.find((l) => textOf(l.sourceId).slice(l.start, l.end) === quote)?.attributedTo
    expect(attributed('about 3,000 Northern troops')).toBe('')
    expect(attributed('more than 10,000 troops')).toBe(
      'President Volodymyr Zelenskyy and officials in South Korea',
    )
  })

  it('suggests a claim for a singleton: the whole sentence, as a mention', () => {
    const uk = report.singletons.find((s) => s.speaker === 'UK government')!
    expect(toClaimSuggestion(uk)).toEqual({
      statement: uk.text,
      links: [
        {
          sourceId: '004',
          start: uk.sentenceStart,
          end: uk.sentenceEnd,
          stance: 'mentions',
          attributedTo: 'UK government',
        },
      ],
    })
  })

  it('is deterministic: same report on a second run and with the sources reordered', () => {
    expect(findConflicts(SOURCES)).toEqual(report)
    const reordered = findConflicts([...SOURCES].reverse())
    expect(reordered.groups.map((g) => [g.id, g.topic])).toEqual(report.groups.map((g) => [g.id, g.topic]))
    expect(reordered.groups.map((g) => g.values.map((v) => v.value))).toEqual(
      report.groups.map((g) => g.values.map((v) => v.value)),
    )
    const topics = report.groups.map((g) => g.topic)
    expect(topics).toEqual([...topics].sort())
    for (const g of report.groups) expect(g.id).toMatch(new RegExp(`^${g.kind}-[0-9a-f]{8}$`))
  })

  it('needs two sources for a group, and reports nothing for no sources', () => {
    for (const g of report.groups) expect(new Set(g.mentions.map((m) => m.sourceId)).size).toBeGreaterThan(1)
    expect(findConflicts([])).toEqual({ groups: [], singletons: [], mentionsBySource: [] })
  })
})
