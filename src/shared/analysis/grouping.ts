/**
 * Which mentions talk about the same thing across sources. Quantities group by what is counted
 * ('troops' takes in soldiers, special forces, commandos) and whose ('Russian troops' are not the
 * North Korean ones); dates group by who did what ("Lloyd Austin: statement"). A group needs two
 * sources: one source alone is not a comparison.
 *
 * Kept up to date source by source: adding or removing a source touches only the groups its mentions
 * fall in (and, should it change whose troops are the usual ones, the mentions of that category), and
 * only those groups are built again.
 */
import { STATEMENT_EVENTS } from './speech-lexicon'
import { buildGroup } from './group-values'
import type { ConflictGroup, GroupMention, QuantityMention, TextAnalysis } from './types'

/** One mention as grouped: its topic is worked out again when the usual owner of its category changes. */
interface Entry {
  mention: GroupMention
  key: string
  topic: string
}

interface Group {
  kind: ConflictGroup['kind']
  /** Each source's mentions in this group, in the source's own order. */
  bySource: Map<string, Entry[]>
  /** Built once, until a source comes, goes or moves. */
  built: ConflictGroup | null
}

export class GroupIndex {
  private readonly entriesBySource = new Map<string, Entry[]>()
  private readonly groups = new Map<string, Group>()
  /** How many mentions give each owner, per category ('troops' → 'north korean' → 5). */
  private readonly ownerCounts = new Map<string, Map<string, number>>()
  private readonly dominant = new Map<string, string>()
  private order = new Map<string, number>()

  add(sourceId: string, analysis: TextAnalysis): void {
    const entries: Entry[] = []
    analysis.mentions.forEach((mention, i) => {
      if (mention.kind === 'attribution') return
      if (mention.kind === 'date' && !(mention.subject && mention.event)) return
      entries.push({
        mention: { sourceId, mention, attributedTo: analysis.attributedTo[i] ?? '' },
        key: '',
        topic: '',
      })
    })
    this.entriesBySource.set(sourceId, entries)
    const owned = entries.filter((entry) => this.ownerOf(entry))
    for (const entry of owned) this.countOwner(entry, 1)
    for (const entry of entries) this.place(entry)
    this.refreshDominant(owned)
  }

  remove(sourceId: string): void {
    const entries = this.entriesBySource.get(sourceId)
    if (!entries) return
    this.entriesBySource.delete(sourceId)
    for (const entry of entries) this.unplace(entry)
    const owned = entries.filter((entry) => this.ownerOf(entry))
    for (const entry of owned) this.countOwner(entry, -1)
    this.refreshDominant(owned)
  }

  /** The sources' reading order; groups are built again only when it moves a source they hold. */
  setOrder(sourceIds: readonly string[]): void {
    const order = new Map(sourceIds.map((id, i) => [id, i]))
    const before = [...this.order.keys()].filter((id) => order.has(id))
    const after = sourceIds.filter((id) => this.order.has(id))
    const moved = before.some((id, i) => after[i] !== id)
    this.order = order
    if (moved) for (const group of this.groups.values()) group.built = null
  }

  /** Groups of two sources or more, by topic. */
  report(): ConflictGroup[] {
    const built: ConflictGroup[] = []
    for (const group of this.groups.values()) {
      if (group.bySource.size < 2) continue
      group.built ??= this.build(group)
      built.push(group.built)
    }
    return built.sort((a, b) => compareText(a.topic, b.topic) || compareText(a.kind, b.kind))
  }

  private build(group: Group): ConflictGroup {
    const position = (id: string) => this.order.get(id) ?? 0
    const sources = [...group.bySource.keys()].sort((a, b) => position(a) - position(b))
    // The first mention in reading order names the topic ("Troops" and "troops" are one group).
    const entries = sources.flatMap((id) => group.bySource.get(id)!)
    const mentions = entries.map((entry) => entry.mention)
    return buildGroup(group.kind, entries[0]!.topic, mentions, this.order)
  }

  private place(entry: Entry): void {
    const { mention } = entry.mention
    entry.topic =
      mention.kind === 'quantity'
        ? quantityTopic(mention, this.dominant.get(mention.category) ?? '')
        : dateTopic(mention.subject, mention.event)
    entry.key = `${mention.kind}\u0000${entry.topic.toLowerCase()}`
    const group: Group = this.groups.get(entry.key) ?? {
      kind: mention.kind,
      bySource: new Map(),
      built: null,
    }
    const { sourceId } = entry.mention
    const list: Entry[] = group.bySource.get(sourceId) ?? []
    list.push(entry)
    // A source's mentions stay in its own order, whatever order they were placed in.
    const mentionOrder = this.entriesBySource.get(sourceId) ?? []
    list.sort((a, b) => mentionOrder.indexOf(a) - mentionOrder.indexOf(b))
    group.bySource.set(sourceId, list)
    group.built = null
    this.groups.set(entry.key, group)
  }

  private unplace(entry: Entry): void {
    const group = this.groups.get(entry.key)
    if (!group) return
    const { sourceId } = entry.mention
    const list = (group.bySource.get(sourceId) ?? []).filter((other) => other !== entry)
    if (list.length > 0) group.bySource.set(sourceId, list)
    else group.bySource.delete(sourceId)
    group.built = null
    if (group.bySource.size === 0) this.groups.delete(entry.key)
  }

  private ownerOf(entry: Entry): string {
    const { mention } = entry.mention
    return mention.kind === 'quantity' ? mention.owner : ''
  }

  private countOwner(entry: Entry, step: number): void {
    const { category, owner } = entry.mention.mention as QuantityMention
    const owners = this.ownerCounts.get(category) ?? new Map<string, number>()
    const count = (owners.get(owner) ?? 0) + step
    if (count > 0) owners.set(owner, count)
    else owners.delete(owner)
    if (owners.size > 0) this.ownerCounts.set(category, owners)
    else this.ownerCounts.delete(category)
  }

  /** The owner most mentions of a category name; when it changes, that category's owned mentions move. */
  private refreshDominant(owned: readonly Entry[]): void {
    const categories = new Set(owned.map((entry) => (entry.mention.mention as QuantityMention).category))
    for (const category of categories) {
      const owners = this.ownerCounts.get(category) ?? new Map<string, number>()
      const [top] = [...owners].sort(([a, countA], [b, countB]) => countB - countA || compareText(a, b))
      const next = top?.[0] ?? ''
      if (next === (this.dominant.get(category) ?? '')) continue
      if (next) this.dominant.set(category, next)
      else this.dominant.delete(category)
      for (const entries of this.entriesBySource.values()) {
        for (const entry of entries) {
          const { mention } = entry.mention
          if (mention.kind !== 'quantity' || mention.category !== category || !mention.owner) continue
          this.unplace(entry)
          this.place(entry)
        }
      }
    }
  }
}

/** 'troops' when the owner is the usual one for troops (or unsaid), 'russian troops' otherwise. */
function quantityTopic(mention: QuantityMention, usual: string): string {
  return mention.owner && mention.owner !== usual ? `${mention.owner} ${mention.category}` : mention.category
}

/** "said Wednesday" and "confirmed Monday" are the same statement; other verbs stay apart. */
function dateTopic(subject: string, event: string): string {
  return `${subject}: ${STATEMENT_EVENTS.has(event) ? 'statement' : event}`
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
export const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
