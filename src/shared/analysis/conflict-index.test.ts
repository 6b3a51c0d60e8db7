import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ConflictIndex } from './conflict-index'
import { findConflicts } from './conflicts'
import { analyseText } from './text-analysis'
import type { TextAnalysis } from './types'

const SAMPLE_DIR = new URL('../../../resources/sample/', import.meta.url)
const TEXTS = new Map(
  readdirSync(SAMPLE_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => [name.slice(0, 3), readFileSync(new URL(name, SAMPLE_DIR), 'utf8')]),
)
// Two more sources than the seeds: a copy of one under another id (every figure it gives is then
// given twice) and a short report with its own owner of troops, which moves the "usual" owner.
TEXTS.set('copy-of-002', TEXTS.get('002')!)
TEXTS.set(
  'russian-count',
  'Russian officials said Monday that 4,000 Russian troops and 2,000 Russian soldiers had moved. ' +
    'Moscow denied the report on Tuesday, Dmitry Peskov said.',
)
const ANALYSES = new Map<string, TextAnalysis>([...TEXTS].map(([id, text]) => [id, analyseText(text)]))
const IDS = [...TEXTS.keys()]

/** Brings an index to exactly these sources, as the app does, reading the texts it asks for. */
function syncTo(index: ConflictIndex, ids: readonly string[]) {
  index.sync(
    ids.map((id) => ({ id, key: id })),
    (source) => ANALYSES.get(source.id)!,
  )
  for (let wanted = index.textsWanted(); wanted.length > 0; wanted = index.textsWanted())
    index.confirmIn(new Map(wanted.map((id) => [id, TEXTS.get(id)!])))
  return index.report()
}

/** The same sources grouped from nothing. */
const regrouped = (ids: readonly string[]) => syncTo(new ConflictIndex(), ids)

/** A fixed shuffle (no Math.random: a failure must repeat). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items]
  let state = seed
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31
    const j = state % (i + 1)
    ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
  }
  return copy
}

describe('ConflictIndex, kept up to date source by source', () => {
  it('the full index gives what findConflicts gives over the texts', () => {
    const sources = IDS.map((id) => ({ id, outlet: '', title: '', text: TEXTS.get(id)! }))
    const { groups, singletons } = findConflicts(sources)
    expect(regrouped(IDS)).toEqual({ groups, singletons })
    expect(groups.length).toBeGreaterThan(2)
    expect(singletons.length).toBeGreaterThan(2)
  })

  it.each([1, 2, 3, 4, 5, 6])(
    'adding and removing sources one by one (order %i) equals grouping each state from nothing',
    (seed) => {
      const index = new ConflictIndex()
      const order = shuffled(IDS, seed)
      const held: string[] = []
      // Add every source, one at a time, then take out every other one and put it back at the end.
      for (const id of order) {
        held.push(id)
        expect(syncTo(index, held)).toEqual(regrouped(held))
      }
      for (const id of order.filter((_, i) => i % 2 === 0)) {
        held.splice(held.indexOf(id), 1)
        expect(syncTo(index, held)).toEqual(regrouped(held))
        held.push(id)
        expect(syncTo(index, held)).toEqual(regrouped(held))
      }
    },
  )

  it('follows a change of reading order and of a source’s text', () => {
    const index = new ConflictIndex()
    syncTo(index, IDS)
    const reversed = [...IDS].reverse()
    expect(syncTo(index, reversed)).toEqual(regrouped(reversed))
    // Same id, another text: the source is analysed anew.
    const reworded = IDS.map((id) => ({ id, key: id === '000' ? 'copy-of-002' : id }))
    index.sync(reworded, (source) => ANALYSES.get(source.key)!)
    const fresh = new ConflictIndex()
    fresh.sync(reworded, (source) => ANALYSES.get(source.key)!)
    const texts = new Map(reworded.map(({ id, key }) => [id, TEXTS.get(key)!]))
    for (const each of [index, fresh])
      for (let wanted = each.textsWanted(); wanted.length > 0; wanted = each.textsWanted())
        each.confirmIn(new Map(wanted.map((id) => [id, texts.get(id)!])))
    expect(index.report()).toEqual(fresh.report())
  })

  it('asks for the texts it needs, and refuses to report before it has them', () => {
    const index = new ConflictIndex()
    index.sync(
      IDS.map((id) => ({ id, key: id })),
      (source) => ANALYSES.get(source.id)!,
    )
    // "UK government" and "North Korea" are phrases of two words: only a text can confirm them.
    expect(index.textsWanted().length).toBeGreaterThan(0)
    expect(() => index.report()).toThrow(/textsWanted/)
  })
})
