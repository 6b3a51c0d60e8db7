/**
 * Statements only one source makes: a denial by a party no other source names ("The UK government,
 * along with North Korea and Russia, have all denied these claims"), a denial when no other source
 * reports any, and quotes from a named speaker no other source mentions.
 */
import type { SourceMentions } from './grouping'
import { DENIAL_CUES } from './speech-lexicon'
import { buildPhraseIndex } from './phrase-index'
import { stableId } from './stable-id'
import type { AnalysisSource, AttributionMention, Singleton } from './types'

export function findSingletons(
  sources: readonly AnalysisSource[],
  found: readonly SourceMentions[],
): Singleton[] {
  const index = buildPhraseIndex(sources.map((source) => source.text))
  const denials = found.map(({ mentions }) =>
    mentions.filter((m): m is AttributionMention => m.kind === 'attribution' && DENIAL_CUES.has(m.cue)),
  )
  const singletons: Singleton[] = []
  sources.forEach((source, i) => {
    const seen = new Set<number>()
    const add = (mention: AttributionMention, speaker: string, reason: string) => {
      if (seen.has(mention.sentenceStart)) return
      seen.add(mention.sentenceStart)
      const { sentenceStart, sentenceEnd } = mention
      const text = source.text.slice(sentenceStart, sentenceEnd)
      const id = stableId('singleton', source.id, String(sentenceStart), text)
      singletons.push({ id, sourceId: source.id, sentenceStart, sentenceEnd, text, speaker, reason })
    }
    const othersDeny = denials.some((list, j) => j !== i && list.length > 0)
    for (const denial of denials[i] ?? []) {
      const unnamed = denial.parties.find(
        (party) => !index.appearsElsewhere(lookupKey(party, denial.person), i),
      )
      if (unnamed)
        add(denial, unnamed, `Only this source says ${unnamed} ${denial.cue}; no other source names it.`)
      else if (!othersDeny)
        add(denial, denial.speaker, `Only this source reports a denial (${denial.speaker}).`)
    }
    for (const mention of found[i]?.mentions ?? []) {
      if (mention.kind !== 'attribution' || DENIAL_CUES.has(mention.cue)) continue
      const key = namedKey(mention, source.text)
      if (key && !index.appearsElsewhere(key, i))
        add(mention, mention.speaker, `Only this source quotes ${mention.speaker}.`)
    }
  })
  return singletons
}

/** How other sources would name the speaker: a person by surname, an institution by its own name. */
function lookupKey(name: string, person: boolean): string {
  if (person) return name.split(/\s+/).at(-1) ?? name
  return name.replace(/^(?:the|a|an)\s+/i, '')
}

/**
 * The key for a named speaker, or '' for generic ones ("officials", "South Korea’s spy chief"): a
 * speaker quoted under a common noun is too vague to call single-sourced.
 */
function namedKey(mention: AttributionMention, text: string): string {
  if (mention.person) return lookupKey(mention.speaker, true)
  // "South Korea’s National Intelligence Service" → "National Intelligence Service": the owner is
  // often worded differently ("South Korean").
  const own = mention.speaker.split(/['’]s\s+/).at(-1) ?? ''
  const words = lookupKey(own, false).split(/\s+/).filter(Boolean)
  if (words.length === 0 || !words.every((word) => /^\p{Lu}/u.test(word))) return ''
  const key = words.join(' ')
  return /^\p{Lu}{2,6}$/u.test(key) ? (expandAcronym(key, text) ?? key) : key
}

/** "South Korean National Intelligence Service (NIS)" spells out "NIS": other sources may only do that. */
function expandAcronym(acronym: string, text: string): string | undefined {
  const spelled = new RegExp(`((?:\\p{Lu}[\\p{L}’'-]*\\s+){1,6})\\(${acronym}\\)`, 'u').exec(text)?.[1]
  return spelled?.trim().split(/\s+/).slice(-3).join(' ')
}
