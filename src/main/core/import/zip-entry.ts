/**
 * Reads one small named part out of a zip archive (e.g. a DOCX's docProps/core.xml) with yauzl,
 * which is a runtime dependency (JSZip is only a test tool here). Bounded: a part larger than
 * `maxBytes` is treated as absent rather than read, since it is metadata we can do without.
 */
import yauzl from 'yauzl'

export async function readZipEntryText(
  bytes: Uint8Array,
  entryName: string,
  maxBytes: number,
): Promise<string | null> {
  const zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
    lazyEntries: true,
    validateEntrySizes: true,
  })
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName !== entryName) continue
      if (entry.uncompressedSize > maxBytes) return null
      const stream = await zip.openReadStreamPromise(entry)
      const chunks: Buffer[] = []
      let size = 0
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        size += chunk.length
        if (size > maxBytes) {
          stream.destroy()
          return null
        }
        chunks.push(chunk)
      }
      // TextDecoder drops a byte order mark, which XML parsers would otherwise trip on.
      return new TextDecoder('utf-8').decode(Buffer.concat(chunks))
    }
    return null
  } finally {
    zip.close()
  }
}
