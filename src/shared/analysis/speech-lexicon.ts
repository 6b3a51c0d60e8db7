/**
 * The words of reported speech: reporting verbs, denials, titles before a name, and the common nouns
 * that can be a speaker. Closed lists, like lexicon.ts, chosen for precision.
 */

/** Reporting verbs (by lemma) and the cue they are reported as. */
export const SPEECH_CUES: ReadonlyMap<string, string> = new Map([
  ['say', 'said'],
  ['tell', 'told'],
  ['confirm', 'confirmed'],
  ['claim', 'claimed'],
  ['warn', 'warned'],
  ['add', 'added'],
  ['state', 'stated'],
  ['announce', 'announced'],
  ['inform', 'informed'],
  ['note', 'noted'],
  ['report', 'reported'],
  ['reveal', 'revealed'],
  ['insist', 'insisted'],
  ['admit', 'admitted'],
  ['acknowledge', 'acknowledged'],
  ['continue', 'continued'],
  ['deny', 'denied'],
  ['reject', 'rejected'],
  ['dismiss', 'dismissed'],
  ['refute', 'refuted'],
])

export const DENIAL_CUES: ReadonlySet<string> = new Set(['denied', 'rejected', 'dismissed', 'refuted'])

/** Verbs whose dated events are all "a statement": "said Wednesday" and "confirmed Monday" compare. */
export const STATEMENT_EVENTS: ReadonlySet<string> = new Set([...SPEECH_CUES.keys(), 'speak', 'brief'])

/** Titles that precede a name ("Defense Secretary Lloyd Austin") and are not part of it. */
export const TITLE_WORDS: ReadonlySet<string> = new Set(
  (
    'mr mr. mrs mrs. ms ms. dr dr. secretary director spokesman spokeswoman spokesperson lawmaker general ' +
    'lieutenant colonel major president minister chief leader dictator head ambassador commander senator ' +
    'official editor analyst chairman chairwoman secretary-general envoy adviser advisor fellow governor ' +
    'premier king queen prince mayor deputy sen. rep. gen. lt. col. judge justice professor prof.'
  ).split(' '),
)

/** Common nouns that can speak: "officials said", "the ministry confirmed", "the report states". */
export const SPEAKER_NOUNS: ReadonlySet<string> = new Set(
  (
    'official officials analyst analysts expert experts lawmaker lawmakers government ministry military ' +
    'intelligence agency service spokesman spokeswoman spokesperson secretary chief report study statement ' +
    'police authorities army navy administration department office embassy source sources diplomat ' +
    'diplomats leader president commander director minister journalist journalists reporter reporters ' +
    'researcher researchers scientist scientists people residents witness witnesses group council ' +
    'committee court prosecutor prosecutors officer officers alliance kremlin'
  ).split(' '),
)

export const SPEAKER_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she'])
