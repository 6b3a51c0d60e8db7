/**
 * A claim the analyst can accept in one click: a statement plus one link per quote. In a group, the
 * value most sources give (the first, on a tie) supports; the others contradict; vague counts mention.
 */
import { valueLabel } from './group-values'
import type { ClaimSuggestion, ConflictGroup, Singleton, SuggestedStance } from './types'

export function toClaimSuggestion(item: ConflictGroup | Singleton): ClaimSuggestion {
  if (!('values' in item)) {
    const { sourceId, sentenceStart: start, sentenceEnd: end, speaker } = item
    return {
      statement: item.text,
      links: [{ sourceId, start, end, stance: 'mentions', attributedTo: speaker }],
    }
  }
  const majority = [...item.values].sort((a, b) => b.sourceIds.length - a.sourceIds.length)[0]?.value
  const links = item.mentions.map(({ sourceId, mention, attributedTo }) => {
    const value = valueLabel(mention)
    const stance: SuggestedStance =
      value === null ? 'mentions' : value === majority ? 'supports' : 'contradicts'
    return { sourceId, start: mention.start, end: mention.end, stance, attributedTo }
  })
  return { statement: statementFor(item), links }
}

function statementFor(group: ConflictGroup): string {
  const counted = group.values.map(({ value, sourceIds }) => {
    const sources = sourceIds.length === 1 ? '1 source' : `${sourceIds.length} sources`
    return `${value} (${sources})`
  })
  if (!group.conflicting) return `${capitalise(group.topic)}: ${counted.join('')}`
  return `Sources disagree on ${group.topic}: ${counted.join(', ')}.`
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
