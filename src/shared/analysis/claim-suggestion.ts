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
  return { statement: statementFor(item, majority), links }
}

/** The claim the supporting quotes make, with the other figures beside it so none is hidden. */
function statementFor(group: ConflictGroup, majority: string | undefined): string {
  const counted = ({ value, sourceIds }: ConflictGroup['values'][number]) =>
    `${value} (${sourceIds.length === 1 ? '1 source' : `${sourceIds.length} sources`})`
  const main = group.values.find((v) => v.value === majority)
  const others = group.values.filter((v) => v !== main).map(counted)
  const claim = `${capitalise(group.topic)}: ${main ? counted(main) : 'no figure'}`
  return others.length > 0 ? `${claim}; other sources give ${others.join(', ')}.` : `${claim}.`
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
