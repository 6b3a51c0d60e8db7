/**
 * The few closed word lists the finder needs on top of compromise's tags. Kept small on purpose: each
 * list is a decision about what counts, so precision beats coverage.
 */

/** Counted nouns that mean the same thing for comparing figures across reports. */
const TROOP_UNITS =
  'soldiers soldier troops troop personnel forces commandos servicemen fighters marines'.split(' ')

const CATEGORY_OF_UNIT: ReadonlyMap<string, string> = new Map([
  ...[...TROOP_UNITS, 'special forces', 'special operations forces', 'service members'].map(
    (unit): [string, string] => [unit, 'troops'],
  ),
  ['containers', 'containers'],
  ['container', 'containers'],
])

/** Nouns after a number that are not counted things: durations ("seven years old") and ratios. */
export const NOT_COUNTED: ReadonlySet<string> = new Set(
  (
    'year years month months week weeks day days hour hours minute minutes second seconds decade decades ' +
    "century centuries o'clock times percent"
  ).split(' '),
)

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
