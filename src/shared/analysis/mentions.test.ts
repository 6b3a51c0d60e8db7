import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { extractMentions } from './index'
import type { AttributionMention, DateMention, Mention, QuantityMention } from './index'
import { AUSTIN_DAYS, OTHER_COUNTS, SPEAKERS, TROOP_COUNTS } from './seed-expectations'
import type { SeedId } from './seed-expectations'

// The five seed reports ship with the app as its sample notebook, so they are always here.
const SEED_FILES: Record<SeedId, string> = {
  '000': '000_0fc4dfd4ef4d2d56.txt',
  '001': '001_83e5dde8b94cbfda.txt',
  '002': '002_a4871556e040079a.txt',
  '003': '003_b43ba051ed14bbce.txt',
  '004': '004_a4fe718e7c600af5.txt',
}
const SEED_IDS = Object.keys(SEED_FILES) as SeedId[]
const seedText = (id: SeedId) =>
  readFileSync(new URL(`../../../resources/sample/${SEED_FILES[id]}`, import.meta.url), 'utf8')
const mentionsOf = new Map(SEED_IDS.map((id) => [id, extractMentions(seedText(id))]))
const seedMentions = (id: SeedId): Mention[] => mentionsOf.get(id)!

const quantities = (id: SeedId) => seedMentions(id).filter((m): m is QuantityMention => m.kind === 'quantity')
const dates = (id: SeedId) => seedMentions(id).filter((m): m is DateMention => m.kind === 'date')
const attributions = (id: SeedId) =>
  seedMentions(id).filter((m): m is AttributionMention => m.kind === 'attribution')
const counted = (m: QuantityMention) => ({
  text: m.text,
  value: m.value,
  unit: m.unit,
  qualifier: m.qualifier,
})

describe('extractMentions on the seed reports', () => {
  it.each(SEED_IDS)('seed %s: every mention slices back to its text, inside its sentence', (id) => {
    const text = seedText(id)
    for (const mention of seedMentions(id)) {
      expect(text.slice(mention.start, mention.end)).toBe(mention.text)
      expect(mention.sentenceStart).toBeLessThanOrEqual(mention.start)
      expect(mention.sentenceEnd).toBeGreaterThanOrEqual(mention.end)
      if (mention.kind === 'attribution')
        expect(text.slice(mention.speakerStart, mention.speakerEnd).length).toBeGreaterThan(0)
    }
  })

  it.each(SEED_IDS)('seed %s: finds every troop count with its unit, folded into "troops"', (id) => {
    const troops = quantities(id).filter((m) => m.category === 'troops')
    expect(troops.map(counted)).toEqual(TROOP_COUNTS[id])
    for (const m of troops) expect(m.approx).toBe(m.qualifier !== '')
  })

  it.each(SEED_IDS)('seed %s: other counts keep their own category, and no year is a count', (id) => {
    const others = quantities(id).filter((m) => m.category !== 'troops')
    expect(others.map((m) => [m.text, m.value, m.category])).toEqual(OTHER_COUNTS[id])
    expect(quantities(id).map((m) => m.value)).not.toContain(2024)
    expect(quantities(id).map((m) => m.value)).not.toContain(2022)
  })

  it('reads the owner of the troops, so Russian losses are not North Korean deployments', () => {
    expect(quantities('001').find((m) => m.value === 3000)?.owner).toBe('north korean')
    expect(quantities('003').find((m) => m.value === null)?.owner).toBe('russian')
    expect(quantities('000').find((m) => m.value === 12000)?.owner).toBe('')
  })

  it.each(SEED_IDS)("seed %s: the weekday of Lloyd Austin's statement", (id) => {
    const austin = dates(id).filter((d) => d.subject === 'Lloyd Austin')
    expect(austin.map((d) => [d.weekday, d.event])).toEqual(AUSTIN_DAYS[id])
  })

  it('resolves "the U.S. defense secretary" in seed 000 to the Lloyd Austin it introduced', () => {
    const wednesday = dates('000').find((d) => d.weekday === 'Wednesday')!
    const statement = attributions('000').find((a) => a.sentenceStart === wednesday.sentenceStart)!
    expect(statement.text).toBe('the U.S. defense secretary said')
    expect(statement.speaker).toBe('Lloyd Austin')
    expect(statement.person).toBe(true)
  })

  it.each(SEED_IDS)('seed %s: the main attributions', (id) => {
    const found = attributions(id).map((a) => [a.speaker, a.cue])
    for (const expected of SPEAKERS[id]) expect(found).toContainEqual(expected)
  })

  it('keeps every party of a denial: "The UK government, along with North Korea and Russia"', () => {
    const denial = attributions('004').find((a) => a.cue === 'denied')!
    expect(denial.parties).toEqual(['UK government', 'North Korea', 'Russia'])
    expect(denial.text).toBe('The UK government, along with North Korea and Russia, have all denied')
  })

  it('does not read a negated confirmation as an attribution ("neither the U.S. nor NATO had confirmed")', () => {
    expect(attributions('001').map((a) => a.speaker)).not.toContain('NATO')
  })

  it('reads dates with their parts: "Nov. 1", "mid-October", "June 19, 2024"', () => {
    expect(dates('000').map((d) => d.text)).toContain('Nov. 1')
    expect(dates('002').map((d) => d.text)).toContain('mid-October')
    expect(dates('003').find((d) => d.text === 'June 19, 2024')?.iso).toBe('2024-06-19')
    expect(dates('000').find((d) => d.text === 'June')?.event).toBe('sign')
  })
})

describe('extractMentions offsets', () => {
  it('counts UTF-16 code units, as String.prototype.slice does, past astral characters', () => {
    const text = '😀 Défense 𝒳: officials said 3,000 soldiers arrived on Monday. « 𝟘 » Kirby told reporters.'
    const mentions = extractMentions(text)
    expect(mentions.map((m) => m.kind).sort()).toEqual(['attribution', 'attribution', 'date', 'quantity'])
    for (const mention of mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.text)
  })

  it('returns nothing for text without numbers, dates or speakers', () => {
    expect(extractMentions('')).toEqual([])
    expect(extractMentions('The weather was mild and the harbour quiet.')).toEqual([])
  })
})
