/**
 * The counted noun after a number: "3,000 North Korean soldiers" counts soldiers (modifiers skipped,
 * kept as `modifier` and, for the nationality, `owner`); "1,500 special forces" keeps its compound.
 */
import { COMPOUND_UNITS, NOT_COUNTED, isKnownUnit } from './lexicon'
import type { Token } from './tokens'
import { endsPhrase, has, isCapitalized } from './tokens'

export interface UnitSpan {
  to: number
  unit: string
  modifier: string
  owner: string
  /** The unit is one the finder knows (troops, containers): a strong sign this is a count. */
  known: boolean
}

/** The counted noun after a number, skipping "of" after vague counts and modifiers ("North Korean"). */
export function countedNoun(tokens: readonly Token[], from: number, vague: boolean): UnitSpan | null {
  let i = from
  if (vague && tokens[i]?.normal === 'of') i++
  const modifiers: Token[] = []
  while (isModifier(tokens[i]) && !endsPhrase(tokens[i])) modifiers.push(tokens[i++]!)
  const nouns: Token[] = []
  while (isCountedNoun(tokens[i]) && nouns.length < 3) {
    nouns.push(tokens[i]!)
    if (endsPhrase(tokens[i++])) break
  }
  if (nouns.length === 0) return null
  const noun = nouns.map(unitWord).join(' ')
  const adjective = modifiers.at(-1)
  const compound = adjective ? `${unitWord(adjective)} ${noun}` : ''
  const unit = COMPOUND_UNITS.has(compound) ? compound : noun
  if (unit === compound) modifiers.pop()
  const lower = (tokens: readonly Token[]) => tokens.map((token) => token.text.toLowerCase()).join(' ')
  // "North Korean": the demonym and the capitalised words just before it.
  const demonym = modifiers.findLastIndex((token) => has(token, 'Demonym'))
  let ownerFrom = demonym
  while (ownerFrom > 0 && isCapitalized(modifiers[ownerFrom - 1])) ownerFrom--
  const owner = demonym < 0 ? '' : lower(modifiers.slice(ownerFrom, demonym + 1))
  const known = isKnownUnit(unit)
  return { to: i - 1, unit, modifier: lower(modifiers), owner, known }
}

function isModifier(token: Token | undefined): boolean {
  if (!token || has(token, 'Verb') || has(token, 'Value') || has(token, 'Determiner')) return false
  if (has(token, 'Adjective') || has(token, 'Demonym')) return true
  return isCapitalized(token) && !isCountedNoun(token)
}

function isCountedNoun(token: Token | undefined): boolean {
  if (!token || !has(token, 'Noun') || has(token, 'Pronoun') || has(token, 'Value')) return false
  // A parenthesis opens an aside ("12 parāoa whales (sperm whales)"); a unit is a word ("300 =").
  if (token.pre.includes('(') || !/\p{L}/u.test(token.text)) return false
  if (has(token, 'Date') || has(token, 'Duration') || NOT_COUNTED.has(token.normal)) return false
  // Capitalised nouns are names unless they are a unit we know (headline case: "3,000 Troops").
  return !isCapitalized(token) || isKnownUnit(token.normal)
}

/** The word as written, lowercased, without a possessive ending: 'Troops' → 'troops', 'parāoa'. */
const unitWord = (token: Token) => token.text.toLowerCase().replace(/['’]s?$/, '')
