/**
 * The zip guard vets the entries yauzl sees, but mammoth unpacks with JSZip, and the two read a
 * central directory differently: yauzl reads exactly the count the end record states, JSZip reads on
 * while entry signatures continue; and where the directory's stated size leaves a gap before the end
 * record, JSZip shifts every offset by the gap while yauzl does not. A crafted archive can use either
 * difference to show the guard a harmless entry and JSZip a bomb. This check refuses any archive on
 * which the two would not agree.
 */
import type { Entry } from 'yauzl'

const END_OF_DIRECTORY = 0x06054b50
const ZIP64_LOCATOR = 0x07064b50
const ZIP64_END_OF_DIRECTORY = 0x06064b50
const DIRECTORY_ENTRY = 0x02014b50

/** The last occurrence, as both readers take it (yauzl scanning back from the end, JSZip likewise). */
function lastSignature(view: DataView, signature: number): number {
  for (let at = view.byteLength - 4; at >= 0; at--) if (view.getUint32(at, true) === signature) return at
  return -1
}

/** Where JSZip expects the end record to be, from the directory's stated offset and size. */
function statedDirectoryEnd(view: DataView, endRecord: number): { start: number; end: number } {
  const start = view.getUint32(endRecord + 16, true)
  const size = view.getUint32(endRecord + 12, true)
  const zip64 =
    [4, 6, 8, 10].some((field) => view.getUint16(endRecord + field, true) === 0xffff) ||
    size === 0xffffffff ||
    start === 0xffffffff
  if (!zip64) return { start, end: start + size }
  const locator = lastSignature(view, ZIP64_LOCATOR)
  if (locator !== endRecord - 20) throw new Error('zip64 locator out of place')
  const record = Number(view.getBigUint64(locator + 8, true))
  if (view.getUint32(record, true) !== ZIP64_END_OF_DIRECTORY)
    throw new Error('zip64 end record out of place')
  const recordSize = Number(view.getBigUint64(record + 4, true))
  const start64 = Number(view.getBigUint64(record + 48, true))
  const size64 = Number(view.getBigUint64(record + 40, true))
  // JSZip's own arithmetic: the zip64 record (12 leading bytes + its size) and the 20-byte locator.
  return { start: start64, end: start64 + size64 + 12 + recordSize + 20 }
}

/** Null if every reader sees exactly `entries`; otherwise what is wrong, for the refusal message. */
export function directoryDisagreement(bytes: Uint8Array, entries: readonly Entry[]): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  try {
    const endRecord = lastSignature(view, END_OF_DIRECTORY)
    if (endRecord < 0) return 'it has no end-of-directory record'
    const { start, end } = statedDirectoryEnd(view, endRecord)
    if (end !== endRecord) return 'its directory size does not match its layout'
    // Where the last entry yauzl read ends, computed from public fields rather than yauzl's cursor.
    const after = entries.reduce(
      (at, e) => at + 46 + e.fileNameLength + e.extraFieldLength + e.fileCommentLength,
      start,
    )
    if (after + 4 <= view.byteLength && view.getUint32(after, true) === DIRECTORY_ENTRY) {
      return 'its directory holds more entries than it declares'
    }
    return null
  } catch {
    return 'its directory is malformed'
  }
}
