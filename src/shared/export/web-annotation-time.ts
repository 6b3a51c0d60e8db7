/**
 * The model wants timestamps as xsd:dateTime with a timezone (model 3.3.1), and the W3C suite checks them
 * as JSON Schema "date-time" (RFC 3339). The notebook writes `toISOString()` values, but `created` and
 * `modified` are plain strings in its schema, so anything else is dropped rather than exported invalid.
 */

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/i

/** `value` when it is an RFC 3339 date-time with a zone and a real calendar date; otherwise undefined. */
export function rfc3339(value: string): string | undefined {
  const match = RFC3339.exec(value)
  if (!match) return undefined
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number)
  const [zoneHour, zoneMinute] = [match[9], match[10]].map((part) => Number(part ?? 0))
  if (year === undefined || month === undefined || day === undefined) return undefined
  // Date.UTC rolls 31 February over into March, so a date that does not survive the trip is not real.
  const calendar = new Date(Date.UTC(year, month - 1, day))
  const realDate = calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day
  const realTime = (hour ?? 99) < 24 && (minute ?? 99) < 60 && (second ?? 99) < 60
  const realZone = (zoneHour ?? 99) < 24 && (zoneMinute ?? 99) < 60
  return realDate && realTime && realZone ? value : undefined
}
