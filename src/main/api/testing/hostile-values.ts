/**
 * fast-check arbitraries for what a compromised or buggy renderer could send over IPC: values of
 * every type (NaN, -0, BigInt, Dates, Maps, typed arrays, null-prototype objects), huge strings,
 * deeply nested arrays, and objects whose own keys are `__proto__` or `constructor` (the shape a
 * JSON.parse'd payload takes, and the one that pollutes prototypes when merged carelessly).
 */
import fc from 'fast-check'

/** Past MAX_IMPORT_BYTES (20 MB): built once, shared by every run. */
const HUGE = 'x'.repeat(21 * 1024 * 1024)
const LONG = 'é'.repeat(200_000)

function nested(depth: number): unknown {
  let value: unknown = 'bottom'
  for (let i = 0; i < depth; i++) value = [value]
  return value
}

/** Own `__proto__`/`constructor` keys, as JSON.parse makes them (an object literal would not). */
const POLLUTERS = [
  JSON.parse('{"__proto__": {"polluted": "yes"}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
  JSON.parse('{"__proto__": {"toString": "not a function"}, "name": "x", "id": "x"}'),
  JSON.parse('[{"__proto__": {"polluted": "yes"}}]'),
] as unknown[]

const SPECIAL: unknown[] = [
  NaN,
  Infinity,
  -Infinity,
  -0,
  2 ** 53 + 1,
  -1,
  1e308,
  0.5,
  '',
  ' ',
  '\u0000',
  '\ud800',
  '__proto__',
  'constructor',
  'toString',
  '../../etc/passwd',
  null,
  undefined,
  true,
  [],
  {},
  Object.create(null),
  HUGE,
  LONG,
  nested(10_000),
  new Date(NaN),
  new Map([['a', 1]]),
  new Set([1]),
  10n ** 30n,
  new Uint8Array(16),
  ...POLLUTERS,
]

const key = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'then', 'toJSON', 'id', 'name', 'text', 'bytes'),
)

/** An object with these own keys, defined rather than assigned so `__proto__` stays an own key. */
function withOwnKeys(entries: Array<[string, unknown]>): Record<string, unknown> {
  const object: Record<string, unknown> = {}
  for (const [k, v] of entries)
    Object.defineProperty(object, k, { value: v, enumerable: true, writable: true })
  return object
}

export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(...SPECIAL),
    fc.anything({
      key,
      maxDepth: 3,
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withNullPrototype: true,
      withSparseArray: true,
    }),
    fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map(withOwnKeys),
    fc.array(tie('value'), { maxLength: 4 }),
  ),
})).value

/** Arguments of the wrong arity and types: an array of 0-4 hostile values, or no array at all. */
export const hostileArgs: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.array(hostileValue, { maxLength: 4 }) },
  { weight: 1, arbitrary: hostileValue },
)

/**
 * Near-valid arguments: a valid call with one value deep inside replaced by a hostile one (or its
 * key dropped), so validation is tested field by field, not only at the door.
 */
export const DROP = Symbol('drop this key')

export function corruptAt(value: unknown, path: readonly number[], replacement: unknown): unknown {
  const isContainer = value !== null && typeof value === 'object' && !(value instanceof Uint8Array)
  if (path.length === 0 || !isContainer) return replacement
  const keys = Object.keys(value)
  if (keys.length === 0) return replacement
  const k = keys[path[0]! % keys.length]!
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string, unknown>
  const inner = corruptAt((value as Record<string, unknown>)[k], path.slice(1), replacement)
  if (inner === DROP) delete copy[k]
  else copy[k] = inner
  return copy
}

export const corruption = fc.record({
  path: fc.array(fc.nat(), { maxLength: 5 }),
  replacement: fc.oneof({ weight: 5, arbitrary: hostileValue }, { weight: 1, arbitrary: fc.constant(DROP) }),
})
