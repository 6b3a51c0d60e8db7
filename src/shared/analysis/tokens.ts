/**
 * One sentence tagged by compromise, as tokens carrying absolute offsets into the source text. compromise
 * counts offsets in UTF-16 units; each term is still checked against the text (and searched for nearby
 * when it disagrees) so that a mention built from tokens always slices back to itself.
 */
import nlp from 'compromise'
import type { SentenceSpan } from './sentences'

export interface Token {
  index: number
  text: string
  start: number
  end: number
  /** Punctuation and spaces compromise saw before and after the word. */
  pre: string
  post: string
  tags: Set<string>
  /** Lowercased, punctuation-free form ('korea’s' → "korea's", 'U.S.' → 'us'). */
  normal: string
  /** Lemma when compromise has one ('said' → 'say', 'soldiers' → 'soldier'), else `normal`. */
  root: string
}

interface TermJson {
  text: string
  pre: string
  post: string
  tags: string[]
  normal: string
  root?: string
  offset: { start: number; length: number }
}

export function tagSentence(text: string, sentence: SentenceSpan): Token[] {
  const doc = nlp(sentence.text)
  doc.compute('root')
  const json = doc.json({ offset: true, terms: { offset: true } }) as Array<{ terms: TermJson[] }>
  const tokens: Token[] = []
  let cursor = 0
  for (const term of json.flatMap((s) => s.terms)) {
    // Expanded contractions have no text of their own ("wouldn’t" → "would" + an invisible "not"):
    // the written word carries their tags, so a negation is not lost.
    if (!term.text) {
      if (term.tags.includes('Negative')) tokens.at(-1)?.tags.add('Negative')
      continue
    }
    const relative = anchorTerm(sentence.text, term, cursor)
    if (relative < 0) continue
    cursor = relative + term.text.length
    const start = sentence.start + relative
    // Wikipedia's citation marks stick to the word ("Foundation:[41"): the word ends before them.
    const [word, attached] = splitCitation(term.text)
    tokens.push({
      index: tokens.length,
      text: word,
      start,
      end: start + word.length,
      pre: term.pre,
      post: attached + term.post,
      tags: new Set(term.tags),
      normal: term.normal,
      root: term.root || term.normal,
    })
  }
  return tokens
}

function splitCitation(text: string): [string, string] {
  const mark = text.search(/[,:;]?\[/)
  return mark > 0 ? [text.slice(0, mark), text.slice(mark)] : [text, '']
}

/** Where the term sits in the sentence: compromise's offset when it matches, else the next occurrence. */
function anchorTerm(sentence: string, term: TermJson, cursor: number): number {
  const claimed = term.offset.start
  if (claimed >= cursor && sentence.startsWith(term.text, claimed)) return claimed
  return sentence.indexOf(term.text, cursor)
}

export const has = (token: Token | undefined, tag: string): boolean => token?.tags.has(tag) ?? false

export const isCapitalized = (token: Token | undefined): boolean => /^\p{Lu}/u.test(token?.text ?? '')

/** Punctuation after a token that closes a phrase: a comma, a quote, a dash, a colon. */
export function endsPhrase(token: Token | undefined): boolean {
  if (token === undefined || /[,;:—–“”"‘’!?…[\]]|--/.test(token.post)) return true
  // A full stop compromise left inside a sentence ends a phrase unless it closes an abbreviation.
  return token.post.includes('.') && !has(token, 'Abbreviation') && token.text.length > 1
}

/** Punctuation before a token that opens a new phrase (an opening quote or dash). */
export function startsPhrase(token: Token | undefined): boolean {
  return token === undefined || /[“"‘—–]/.test(token.pre)
}

/** A verb that carries meaning, not an auxiliary ("has", "will", "is") nor a mis-tagged name ("Un"). */
export function isMainVerb(token: Token | undefined): boolean {
  const notMain = ['Auxiliary', 'Copula', 'Modal', 'Particle', 'Preposition']
  if (!has(token, 'Verb') || notMain.some((tag) => has(token, tag))) return false
  return !isCapitalized(token) || token?.index === 0
}
