/**
 * Building one conflict group: the value each mention gives, values in a reading order (numbers
 * ascending, weekdays Monday first), and which sources give each value.
 */
import { WEEKDAYS } from './lexicon'
import { tidy } from './speakers'
import { stableId } from './stable-id'
import type { ConflictGroup, DateMention, GroupMention, GroupValue, Mention, QuantityMention } from './types'

/** One formatter for every figure: `toLocaleString` with options builds a new one per call (slow). */
const FIGURE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })

/** What a mention says, as the group compares it: '3,000', 'Wednesday', '2024-10-23', 'mid-October'. */
export function valueLabel(mention: QuantityMention | DateMention): string | null {
  if (mention.kind === 'quantity') return mention.value === null ? null : FIGURE.format(mention.value)
  return mention.weekday ?? mention.iso ?? tidy(mention.text)
}

function sortKey(mention: QuantityMention | DateMention): [number, string] {
  if (mention.kind === 'quantity') return [mention.value ?? Infinity, '']
  const weekday = mention.weekday ? WEEKDAYS.indexOf(mention.weekday) : -1
  return weekday >= 0 ? [weekday, ''] : [WEEKDAYS.length, mention.iso ?? tidy(mention.text)]
}

function compareMentions(a: QuantityMention | DateMention, b: QuantityMention | DateMention): number {
  const [numberA, textA] = sortKey(a)
  const [numberB, textB] = sortKey(b)
  return numberA - numberB || (textA < textB ? -1 : textA > textB ? 1 : 0)
}

export function buildGroup(
  kind: ConflictGroup['kind'],
  topic: string,
  mentions: GroupMention[],
  sourceOrder: ReadonlyMap<string, number>,
): ConflictGroup {
  const order = (id: string) => sourceOrder.get(id) ?? 0
  mentions.sort((a, b) => order(a.sourceId) - order(b.sourceId) || a.mention.start - b.mention.start)
  const byValue = new Map<string, { first: QuantityMention | DateMention; sourceIds: Set<string> }>()
  for (const { sourceId, mention } of mentions) {
    const label = valueLabel(mention)
    if (label === null) continue
    const entry = byValue.get(label) ?? { first: mention, sourceIds: new Set<string>() }
    entry.sourceIds.add(sourceId)
    byValue.set(label, entry)
  }
  const values: GroupValue[] = [...byValue]
    .sort(([, a], [, b]) => compareMentions(a.first, b.first))
    .map(([value, { sourceIds }]) => ({
      value,
      sourceIds: [...sourceIds].sort((a, b) => order(a) - order(b)),
    }))
  return { id: stableId(kind, kind, topic), kind, topic, mentions, values, conflicting: values.length > 1 }
}

/**
 * The speaker of the nearest attribution in the same sentence and clause, or ''. "Estimates suggest
 * about 3,000 troops, but officials have said 10,000": the 3,000 is not the officials'.
 */
export function attributedTo(mention: Mention, sourceMentions: readonly Mention[], text: string): string {
  let best = ''
  let bestDistance = Infinity
  for (const other of sourceMentions) {
    if (other.kind !== 'attribution' || other.sentenceStart !== mention.sentenceStart) continue
    const between = text.slice(Math.min(other.end, mention.end), Math.max(other.start, mention.start))
    if (CLAUSE_BREAK.test(between)) continue
    const distance = Math.abs(other.start - mention.start)
    if (distance < bestDistance) [best, bestDistance] = [other.speaker, distance]
  }
  return best
}

const CLAUSE_BREAK = /;|,\s+(?:but|while|whereas|although|though)\b/
