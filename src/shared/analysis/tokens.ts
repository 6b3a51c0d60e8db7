/**
 * The sentences of one text tagged by compromise, as tokens carrying absolute offsets into the source
 * text. compromise counts offsets in UTF-16 units; each term is still checked against the text (and
 * searched for nearby when it disagrees) so that a mention built from tokens always slices back to itself.
 *
 * All the sentences of a text go through compromise's tagger in one document: each is tokenised on its
 * own, exactly as `nlp(sentence)` would, and the tagger's passes run once over them all. Tagging works
 * sentence by sentence, so every tag is what tagging each sentence alone gives; what one pass saves is
 * compromise's fixed cost per document (its match caches, a view per call), most of the time on news
 * text, where the sentences worth tagging are short and many.
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

/** compromise's term object, as its tokenizer makes it and its taggers fill it in. */
interface Term {
  text: string
  pre: string
  post: string
  tags: Set<string>
  normal: string
  root?: string
}

interface TokenizerMethods {
  one: { tokenize: { fromString: (text: string, world: object) => Term[][] } }
}

/** The tokens of each sentence, in the order given. */
export function tagSentences(sentences: readonly SentenceSpan[]): Token[][] {
  if (sentences.length === 0) return []
  const world = nlp.world()
  const { fromString } = (nlp.methods() as TokenizerMethods).one.tokenize
  // What `nlp(sentence)` would make of each sentence: compromise may still cut one into several.
  const pieces = sentences.map((sentence) => fromString(sentence.text, world))
  const doc = nlp('')
  doc.document = pieces.flat()
  // The steps `nlp(text)` runs after tokenising, but for the chunker (noun and verb phrases, unused
  // here: a tenth of the time). They expand contractions in place, so terms are read back from the
  // document, not from `pieces`.
  doc.compute(nlp.hooks().filter((hook) => hook !== 'chunks'))
  doc.compute('root')
  const tagged = doc.document as unknown as Term[][]
  let next = 0
  return sentences.map((sentence, i) =>
    tokensOf(sentence, tagged.slice(next, (next += pieces[i]!.length)).flat()),
  )
}

function tokensOf(sentence: SentenceSpan, terms: readonly Term[]): Token[] {
  const tokens: Token[] = []
  let cursor = 0
  // Where compromise places each term: the lengths of everything before it, as its `offset` computes.
  let elapsed = 0
  for (const term of terms) {
    const claimed = elapsed + term.pre.length
    elapsed += term.pre.length + term.text.length + term.post.length
    // Expanded contractions have no text of their own ("wouldn’t" → "would" + an invisible "not"):
    // the written word carries their tags, so a negation is not lost.
    if (!term.text) {
      if (term.tags.has('Negative')) tokens.at(-1)?.tags.add('Negative')
      continue
    }
    const relative = anchorTerm(sentence.text, term.text, claimed, cursor)
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
function anchorTerm(sentence: string, word: string, claimed: number, cursor: number): number {
  if (claimed >= cursor && sentence.startsWith(word, claimed)) return claimed
  return sentence.indexOf(word, cursor)
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
