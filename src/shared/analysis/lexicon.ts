/**
 * The few closed word lists the finder needs on top of compromise's tags. Kept small on purpose: each
 * list is a decision about what counts, so precision beats coverage.
 */

/** Counted nouns that mean the same thing for comparing figures across reports. */
const CATEGORY_OF_UNIT: ReadonlyMap<string, string> = new Map([
  ...[
    'soldiers',
    'soldier',
    'troops',
    'troop',
    'personnel',
    'forces',
    'special forces',
    'special operations forces',
    'commandos',
    'servicemen',
    'service members',
    'fighters',
    'marines',
  ].map((unit): [string, string] => [unit, 'troops']),
  ['containers', 'containers'],
  ['container', 'containers'],
])

/** Modifier + noun pairs that are one unit ("special forces" are not generic "forces"). */
export const COMPOUND_UNITS: ReadonlySet<string> = new Set(['special forces', 'special operations forces'])

export function categoryOf(unit: string): string {
  return CATEGORY_OF_UNIT.get(unit) ?? unit
}

/** A unit the finder knows: after a number it is a count even in a headline or beside a year-like number. */
export const isKnownUnit = (unit: string) => CATEGORY_OF_UNIT.has(unit) || COMPOUND_UNITS.has(unit)

/** Words before a number that make it an estimate; longest first so "more than" beats "more". */
export const QUALIFIERS: readonly string[] = [
  'as many as',
  'an estimated',
  'no more than',
  'at least',
  'more than',
  'fewer than',
  'less than',
  'up to',
  'about',
  'around',
  'some',
  'over',
  'nearly',
  'almost',
  'approximately',
  'roughly',
  'estimated',
  'under',
]

/** Plural multipliers that make a vague count: "thousands of troops" has no value. */
export const VAGUE_COUNTS: ReadonlySet<string> = new Set([
  'dozens',
  'hundreds',
  'thousands',
  'millions',
  'billions',
  'tens',
])

export const MULTIPLIERS: ReadonlyMap<string, number> = new Map([
  ['hundred', 1e2],
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
  ['trillion', 1e12],
])

export const CURRENCY_UNITS: ReadonlyMap<string, string> = new Map([
  ['$', 'dollars'],
  ['£', 'pounds'],
  ['€', 'euros'],
  ['¥', 'yen'],
])

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

export const WEEKDAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const

/** Month number by the lowercased first three letters ("Oct.", "October", "oct"). */
export const MONTH_NUMBER: ReadonlyMap<string, number> = new Map(
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map(
    (prefix, i): [string, number] => [prefix, i + 1],
  ),
)
