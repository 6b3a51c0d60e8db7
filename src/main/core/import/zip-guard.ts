/**
 * Refuses zip archives that would exhaust memory when unpacked (zip bombs) before any parser sees
 * them. DOCX parsers (mammoth, via JSZip) inflate whole parts into memory, so the only safe place to
 * stop a bomb is here, while counting bytes as they stream past and keeping none of them.
 *
 * Two passes: the central directory's declared sizes first (cheap, catches an honest bomb in
 * milliseconds), then every entry inflated as a stream, counting the actual bytes, because the
 * declared sizes are written by whoever made the file and can lie. In between, the directory is
 * checked to read the same under JSZip, which is what actually unpacks the file (zip-directory.ts).
 */
import type { Readable } from 'node:stream'
import yauzl from 'yauzl'
import type { Entry, ZipFile } from 'yauzl'
import { DomainError } from '../domain-error'
import { directoryDisagreement } from './zip-directory'

export interface ZipLimits {
  maxEntries: number
  /** Bytes, all entries together. */
  maxTotalUncompressed: number
  /** Bytes, any one entry. */
  maxEntryUncompressed: number
  /** Uncompressed : compressed, applied to entries larger than RATIO_APPLIES_ABOVE. */
  maxRatio: number
}

const MB = 1024 * 1024

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxTotalUncompressed: 200 * MB,
  maxEntryUncompressed: 100 * MB,
  maxRatio: 200,
}

/**
 * Small XML parts legitimately compress 50-100:1 or more (repetitive markup), and a small entry
 * cannot hurt whatever its ratio; the ratio only matters once an entry is big.
 */
const RATIO_APPLIES_ABOVE = 1 * MB

export interface ZipSummary {
  entries: number
  uncompressedBytes: number
}

function bomb(fileName: string, why: string): DomainError {
  return new DomainError(
    'zip-bomb',
    `${fileName} was refused: ${why}. It may be a "zip bomb" built to exhaust memory.`,
  )
}

function formatMb(bytes: number): string {
  return `${Math.round(bytes / MB)} MB`
}

/** Checks one entry's size against the limits; `size` is declared or counted so far. */
function entryProblem(entry: Entry, size: number, limits: ZipLimits): string | null {
  if (size > limits.maxEntryUncompressed) {
    return `${entry.fileName} unpacks to more than ${formatMb(limits.maxEntryUncompressed)}`
  }
  if (size > RATIO_APPLIES_ABOVE && size / Math.max(entry.compressedSize, 1) > limits.maxRatio) {
    return `${entry.fileName} unpacks to more than ${limits.maxRatio} times its packed size`
  }
  return null
}

async function openZip(bytes: Uint8Array, fileName: string): Promise<ZipFile> {
  // A view, not a copy: the bytes may be tens of megabytes.
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  try {
    return await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true })
  } catch {
    throw new DomainError(
      'not-docx',
      `${fileName} is not a Word document (.docx): it is not a zip archive, or it is damaged.`,
    )
  }
}

/** Pass 1: the central directory, trusting nothing but refusing what it admits to. */
async function readDeclaredEntries(zip: ZipFile, fileName: string, limits: ZipLimits): Promise<Entry[]> {
  // The end-of-central-directory record states the count; refuse before reading a single entry.
  if (zip.entryCount > limits.maxEntries) throw bomb(fileName, `it holds ${zip.entryCount} files`)
  const entries: Entry[] = []
  let declaredTotal = 0
  try {
    for await (const entry of zip.eachEntry()) {
      entries.push(entry)
      if (entries.length > limits.maxEntries) {
        throw bomb(fileName, `it holds more than ${limits.maxEntries} files`)
      }
      const problem = entryProblem(entry, entry.uncompressedSize, limits)
      if (problem) throw bomb(fileName, problem)
      declaredTotal += entry.uncompressedSize
      if (declaredTotal > limits.maxTotalUncompressed) {
        throw bomb(fileName, `its files unpack to more than ${formatMb(limits.maxTotalUncompressed)}`)
      }
    }
  } catch (error) {
    if (error instanceof DomainError) throw error
    throw corrupt(fileName, error)
  }
  return entries
}

function corrupt(fileName: string, error: unknown): DomainError {
  const detail = error instanceof Error ? error.message : String(error)
  return new DomainError(
    'docx-corrupt',
    `${fileName} is not a readable Word document: the archive is damaged (${detail}).`,
  )
}

/** yauzl's own check (validateEntrySizes) fails a stream that outgrows its declared size. */
function isSizeMismatch(error: unknown): boolean {
  return error instanceof Error && /too many bytes in the stream|expected \d+\. got/i.test(error.message)
}

/**
 * Inflates one entry, counting bytes and dropping them; destroys the stream the moment a limit is
 * passed, so a bomb costs at most one chunk beyond the limit. Resolves with the bytes counted.
 */
async function countEntry(
  zip: ZipFile,
  entry: Entry,
  fileName: string,
  limits: ZipLimits,
  totalSoFar: number,
): Promise<number> {
  let stream: Readable
  try {
    stream = await zip.openReadStreamPromise(entry)
  } catch (error) {
    throw corrupt(fileName, error)
  }
  let count = 0
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      count += chunk.length
      const problem = entryProblem(entry, count, limits)
      if (problem) throw bomb(fileName, problem)
      if (totalSoFar + count > limits.maxTotalUncompressed) {
        throw bomb(fileName, `its files unpack to more than ${formatMb(limits.maxTotalUncompressed)}`)
      }
    }
  } catch (error) {
    if (error instanceof DomainError) throw error
    if (isSizeMismatch(error)) {
      throw bomb(fileName, `${entry.fileName} unpacks to more than its header declares`)
    }
    throw corrupt(fileName, error)
  } finally {
    // Breaking out of for-await destroys the stream; this covers the error paths too.
    stream.destroy()
  }
  return count
}

/**
 * Resolves if the archive is safe to unpack under `limits`; throws DomainError 'not-docx' (not a
 * zip), 'zip-bomb' (a limit passed, declared or actual) or 'docx-corrupt' (a damaged entry, or a
 * directory that another zip reader would read differently).
 */
export async function checkZipSafe(
  bytes: Uint8Array,
  fileName: string,
  limits: Partial<ZipLimits> = {},
): Promise<ZipSummary> {
  const effective: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...limits }
  const zip = await openZip(bytes, fileName)
  try {
    const entries = await readDeclaredEntries(zip, fileName, effective)
    const disagreement = directoryDisagreement(bytes, entries)
    if (disagreement) {
      // What yauzl vetted might not be what JSZip (inside mammoth) unpacks: refuse rather than guess.
      throw new DomainError(
        'docx-corrupt',
        `${fileName} is not a readable Word document: ${disagreement}, so it cannot be checked safely.`,
      )
    }
    let total = 0
    // Every entry, directories included: a name ending in / is no promise that there is no data.
    for (const entry of entries) total += await countEntry(zip, entry, fileName, effective, total)
    return { entries: entries.length, uncompressedBytes: total }
  } finally {
    zip.close()
  }
}
