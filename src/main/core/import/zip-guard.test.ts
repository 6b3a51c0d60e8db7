import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import JSZip from 'jszip'
import { beforeAll, describe, expect, it } from 'vitest'
import { DomainError } from '../domain-error'
import { checkZipSafe, DEFAULT_ZIP_LIMITS } from './zip-guard'

const MB = 1024 * 1024

// The corpus lives beside the repo (../shared/corpus); CORPUS_DIR points elsewhere if needed.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..')
const docxDir = join(process.env['CORPUS_DIR'] ?? join(repoRoot, '../shared/corpus'), 'docx')
const corpusExists = existsSync(docxDir)
if (!corpusExists) console.warn(`Skipping zip-guard corpus tests: ${docxDir} not found (set CORPUS_DIR)`)

/** A readable stream of `megabytes` MB of zeros, so a bomb is built without holding its payload. */
function zeros(megabytes: number): Readable {
  const chunk = Buffer.alloc(MB)
  let sent = 0
  return new Readable({
    read() {
      this.push(sent++ < megabytes ? chunk : null)
    },
  })
}

async function bombZip(megabytes: number): Promise<Uint8Array> {
  const zip = new JSZip()
  zip.file('[Content_Types].xml', '<Types/>')
  zip.file('word/document.xml', zeros(megabytes), { binary: true })
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } })
}

/**
 * Rewrites the uncompressed size of `entryName` in both the central directory and the local header,
 * leaving the compressed data alone: a header that lies about what the data inflates to.
 */
function declareUncompressedSize(bytes: Uint8Array, entryName: string, size: number): Uint8Array {
  const out = new Uint8Array(bytes)
  const view = new DataView(out.buffer)
  // JSZip writes no archive comment, so the end-of-central-directory record is the last 22 bytes.
  const eocd = out.length - 22
  expect(view.getUint32(eocd, true)).toBe(0x06054b50)
  const entries = view.getUint16(eocd + 10, true)
  let at = view.getUint32(eocd + 16, true)
  for (let i = 0; i < entries; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50)
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    const name = Buffer.from(out.subarray(at + 46, at + 46 + nameLength)).toString('utf8')
    if (name === entryName) {
      view.setUint32(at + 24, size, true)
      const local = view.getUint32(at + 42, true)
      expect(view.getUint32(local, true)).toBe(0x04034b50)
      view.setUint32(local + 22, size, true)
      return out
    }
    at += 46 + nameLength + extraLength + commentLength
  }
  throw new Error(`${entryName} not in the archive`)
}

async function refusal(promise: Promise<unknown>): Promise<{ error: DomainError; ms: number }> {
  const started = performance.now()
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  const ms = performance.now() - started
  expect(error).toBeInstanceOf(DomainError)
  return { error: error as DomainError, ms }
}

function heapMb(): number {
  return Math.round((process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers) / MB)
}

describe('checkZipSafe', () => {
  let bomb: Uint8Array

  beforeAll(async () => {
    const started = performance.now()
    bomb = await bombZip(300)
    console.log(`built a 300 MB bomb: ${bomb.length} bytes in ${Math.round(performance.now() - started)} ms`)
  }, 300_000) // deflating 300 MB at level 9 in JS: ~10 s idle, ~50 s with both cores busy

  it('refuses a 300 MB entry of zeros from its declared size, in milliseconds', async () => {
    const before = heapMb()
    const { error, ms } = await refusal(checkZipSafe(bomb, 'bomb.docx'))
    console.log(
      `300 MB bomb (declared honestly) refused in ${ms.toFixed(1)} ms; heap+buffers ${before} → ${heapMb()} MB`,
    )
    expect(error.code).toBe('zip-bomb')
    expect(error.message).toContain('bomb.docx')
    expect(error.message).toContain('word/document.xml')
  })

  it('refuses it on the compression ratio alone when the size limits would allow it', async () => {
    const { error } = await refusal(
      checkZipSafe(bomb, 'bomb.docx', { maxEntryUncompressed: 1024 * MB, maxTotalUncompressed: 1024 * MB }),
    )
    expect(error.code).toBe('zip-bomb')
    expect(error.message).toMatch(/times its packed size/)
  })

  it('refuses a bomb whose header declares a small size, while streaming, without inflating it all', async () => {
    const liar = declareUncompressedSize(bomb, 'word/document.xml', 1000)
    const before = heapMb()
    const { error, ms } = await refusal(checkZipSafe(liar, 'liar.docx'))
    console.log(
      `300 MB bomb declaring 1000 bytes refused in ${ms.toFixed(1)} ms; heap+buffers ${before} → ${heapMb()} MB`,
    )
    expect(error.code).toBe('zip-bomb')
    expect(error.message).toContain('more than its header declares')
  })

  it('refuses a header that lies within the limits once the actual bytes pass them', async () => {
    // Declared 50 MB (under the 100 MB entry limit, ratio under 200:1 against ~300 KB packed).
    const liar = declareUncompressedSize(bomb, 'word/document.xml', 50 * MB)
    const { error, ms } = await refusal(checkZipSafe(liar, 'liar.docx'))
    console.log(`300 MB bomb declaring 50 MB refused in ${ms.toFixed(1)} ms`)
    expect(error.code).toBe('zip-bomb')
  })

  it('refuses 20,000 tiny entries from the entry count before reading any', async () => {
    const zip = new JSZip()
    for (let i = 0; i < 20_000; i++) zip.file(`word/part${i}.xml`, 'x')
    const many = await zip.generateAsync({ type: 'uint8array', compression: 'STORE' })
    const { error, ms } = await refusal(checkZipSafe(many, 'many.docx'))
    console.log(`20,000 entries refused in ${ms.toFixed(1)} ms`)
    expect(error.code).toBe('zip-bomb')
    // JSZip adds a folder entry for word/, hence 20,001.
    expect(error.message).toMatch(/it holds 2000\d files/)
  }, 120_000) // JSZip writing 20,000 entries: ~5 s idle, ~18 s with both cores busy

  it('refuses by declared total across entries each under the per-entry limit', async () => {
    const zip = new JSZip()
    for (let i = 0; i < 3; i++) zip.file(`part${i}.bin`, new Uint8Array(2 * MB).fill(i + 1))
    const parts = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
    const limits = { maxEntryUncompressed: 3 * MB, maxTotalUncompressed: 5 * MB, maxRatio: 10_000 }
    const { error } = await refusal(checkZipSafe(parts, 'parts.docx', limits))
    expect(error.code).toBe('zip-bomb')
    expect(error.message).toMatch(/its files unpack to more than 5 MB/)
  })

  it('refuses an archive that shows yauzl fewer entries than JSZip will unpack', async () => {
    const zip = new JSZip()
    zip.file('harmless.txt', 'hello')
    zip.file('word/document.xml', zeros(20), { binary: true })
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
    // The end record says 1 entry: yauzl reads only harmless.txt; JSZip reads on and finds the bomb.
    const hidden = new Uint8Array(bytes)
    const view = new DataView(hidden.buffer)
    const eocd = hidden.length - 22
    view.setUint16(eocd + 8, 1, true)
    view.setUint16(eocd + 10, 1, true)
    expect(Object.keys((await JSZip.loadAsync(hidden)).files)).toContain('word/document.xml')
    const { error } = await refusal(checkZipSafe(hidden, 'hidden.docx'))
    expect(error.code).toBe('docx-corrupt')
    expect(error.message).toContain('more entries than it declares')
  })

  it('refuses an archive whose directory size would make JSZip shift its offsets', async () => {
    const zip = new JSZip()
    zip.file('word/document.xml', '<w:document/>')
    const bytes = new Uint8Array(await zip.generateAsync({ type: 'uint8array' }))
    const view = new DataView(bytes.buffer)
    const eocd = bytes.length - 22
    view.setUint32(eocd + 12, view.getUint32(eocd + 12, true) - 4, true)
    const { error } = await refusal(checkZipSafe(bytes, 'shifted.docx'))
    expect(error.code).toBe('docx-corrupt')
  })

  it('passes an ordinary archive and reports what it counted', async () => {
    const zip = new JSZip()
    zip.file('word/document.xml', '<w:document/>'.repeat(1000))
    zip.file('docProps/core.xml', '<cp:coreProperties/>')
    zip.folder('word/media')
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
    const summary = await checkZipSafe(bytes, 'ok.docx')
    expect(summary.uncompressedBytes).toBe(13_000 + 20)
    expect(summary.entries).toBeGreaterThanOrEqual(3)
  })

  it.skipIf(!corpusExists)('passes every real DOCX in the corpus', async () => {
    let checked = 0
    for (const folder of ['mammoth', 'unstructured']) {
      for (const name of readdirSync(join(docxDir, folder)).filter((n) => n.endsWith('.docx'))) {
        const summary = await checkZipSafe(readFileSync(join(docxDir, folder, name)), name)
        expect(summary.entries).toBeGreaterThan(0)
        checked += 1
      }
    }
    expect(checked).toBeGreaterThanOrEqual(20)
  })

  it('calls random bytes not a DOCX', async () => {
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251)
    const { error } = await refusal(checkZipSafe(noise, 'noise.docx'))
    expect(error.code).toBe('not-docx')
    expect(error.message).toContain('noise.docx')
  })

  it('uses the documented default limits', () => {
    expect(DEFAULT_ZIP_LIMITS).toEqual({
      maxEntries: 10_000,
      maxTotalUncompressed: 200 * MB,
      maxEntryUncompressed: 100 * MB,
      maxRatio: 200,
    })
  })
})
