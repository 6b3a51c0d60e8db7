/**
 * Which mentions talk about the same thing across sources. Quantities group by what is counted
 * ('troops' takes in soldiers, special forces, commandos) and whose ('Russian troops' are not the
 * North Korean ones); dates group by who did what ("Lloyd Austin: statement"). A group needs two
 * sources: one source alone is not a comparison.
 */
import { STATEMENT_EVENTS } from './speech-lexicon'
import { attributedTo, buildGroup, sourcesOf } from './group-values'
import type { ConflictGroup, GroupMention, Mention, QuantityMention } from './types'

export interface SourceMentions {
  sourceId: string
  mentions: Mention[]
}

type SourceWithText = SourceMentions & { text: string }

export function groupMentions(sources: readonly SourceWithText[]): ConflictGroup[] {
  const sourceOrder = new Map(sources.map(({ sourceId }, i) => [sourceId, i]))
  const byKey = new Map<string, { kind: ConflictGroup['kind']; topic: string; mentions: GroupMention[] }>()
  const add = (kind: ConflictGroup['kind'], topic: string, entry: GroupMention) => {
    const key = `${kind}\u0000${topic.toLowerCase()}`
    const group = byKey.get(key) ?? { kind, topic, mentions: [] }
    group.mentions.push(entry)
    byKey.set(key, group)
  }
  const ownerOf = dominantOwners(sources)
  for (const { sourceId, mentions, text } of sources) {
    for (const mention of mentions) {
      if (mention.kind === 'attribution') continue
      const entry = { sourceId, mention, attributedTo: attributedTo(mention, mentions, text) }
      if (mention.kind === 'quantity') add('quantity', quantityTopic(mention, ownerOf), entry)
      else if (mention.subject && mention.event) add('date', dateTopic(mention.subject, mention.event), entry)
    }
  }
  return [...byKey.values()]
    .filter((group) => sourcesOf(group.mentions).size >= 2)
    .map((group) => buildGroup(group.kind, group.topic, group.mentions, sourceOrder))
    .sort((a, b) => compareText(a.topic, b.topic) || compareText(a.kind, b.kind))
}

/** 'troops' when the owner is the usual one for troops (or unsaid), 'russian troops' otherwise. */
function quantityTopic(mention: QuantityMention, dominantOwner: ReadonlyMap<string, string>): string {
  const usual = dominantOwner.get(mention.category) ?? ''
  return mention.owner && mention.owner !== usual ? `${mention.owner} ${mention.category}` : mention.category
}

/** The owner most mentions of each category name ('north korean' for troops in the seeds). */
function dominantOwners(sources: readonly SourceMentions[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>()
  for (const { mentions } of sources) {
    for (const mention of mentions) {
      if (mention.kind !== 'quantity' || !mention.owner) continue
      const owners = counts.get(mention.category) ?? new Map<string, number>()
      owners.set(mention.owner, (owners.get(mention.owner) ?? 0) + 1)
      counts.set(mention.category, owners)
    }
  }
  const dominant = new Map<string, string>()
  for (const [category, owners] of counts) {
    const [top] = [...owners].sort(([a, countA], [b, countB]) => countB - countA || compareText(a, b))
    if (top) dominant.set(category, top[0])
  }
  return dominant
}

/** "said Wednesday" and "confirmed Monday" are the same statement; other verbs stay apart. */
function dateTopic(subject: string, event: string): string {
  return `${subject}: ${STATEMENT_EVENTS.has(event) ? 'statement' : event}`
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
export const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
