/**
 * fast-check arbitraries that damage a real file the way the world does: flipped and inserted
 * bytes, cut ranges, truncation, a chunk copied elsewhere, and hostile snippets (scripts, NULs,
 * lone surrogates, deep nesting, BOMs, a charset that lies). Positions are fractions of the file's
 * length, so one mutation means the same thing whatever file it lands on.
 */
import fc from 'fast-check'
import JSZip from 'jszip'

export type Mutation =
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'copy'; from: number; length: number; to: number }

/** Bytes that print as `label` in a failing run's counterexample, rather than as every byte. */
export function labelled(bytes: Uint8Array, label: string): Uint8Array {
  return Object.defineProperty(bytes, fc.toStringMethod, { value: () => label })
}

function snippet(bytes: Uint8Array): Uint8Array {
  const shown = new TextDecoder().decode(bytes.subarray(0, 40))
  return labelled(
    bytes,
    `snippet(${JSON.stringify(shown)}${bytes.length > 40 ? '…' : ''}, ${bytes.length} bytes)`,
  )
}

const encode = (text: string) => new TextEncoder().encode(text)

const HOSTILE_SNIPPETS: Uint8Array[] = [
  encode('<script>globalThis.pwned = 1</script>'),
  encode('<img src="http://127.0.0.1:9/x" onerror="globalThis.pwned = 1">'),
  encode('<meta charset="utf-16">'),
  // Past the importer's Readability depth limit (150) several times over; deeper costs jsdom's
  // quadratic parse seconds a run, and the stack at 5,000 deep is html.test.ts's to check.
  encode('<div>'.repeat(1000)),
  encode('<![CDATA[ ]]><!-- unclosed'),
  encode('&#0;&#xD800;&#x110000;&amp'),
  encode('\u202e\u2066\ufeff\u0000'),
  new Uint8Array([0xed, 0xa0, 0x80]), // a lone surrogate, which UTF-8 forbids
  new Uint8Array([0xff, 0xfe, 0x00, 0xd8]), // a UTF-16 BOM and half a surrogate pair
  encode('x'.repeat(50_000)),
  encode('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 1 0 R >> endobj trailer << /Root 1 0 R >>'),
  encode('PK\u0003\u0004'),
  encode('<w:p><w:r><w:t>'.repeat(500)),
].map(snippet)

/**
 * Mostly anywhere in the file, uniformly; now and then fast-check's own bias towards the edges, so
 * headers (%PDF-, PK, a BOM) and endings get damaged too without every run failing at the header.
 */
const position = fc.oneof(
  { weight: 5, arbitrary: fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((n) => n / 1_000_000) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
)

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: position, value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: position,
    bytes: fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.constantFrom(...HOSTILE_SNIPPETS)),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 512 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({
    kind: fc.constant('copy' as const),
    from: position,
    length: fc.integer({ min: 1, max: 2048 }),
    to: position,
  }),
)

export const mutations = fc.array(mutation, { minLength: 1, maxLength: 5 })

function applyOne(bytes: Uint8Array, m: Mutation): Uint8Array {
  const index = (fraction: number) => Math.min(bytes.length, Math.floor(fraction * bytes.length))
  const splice = (at: number, cut: number, insert: Uint8Array) => {
    const out = new Uint8Array(bytes.length - cut + insert.length)
    out.set(bytes.subarray(0, at))
    out.set(insert, at)
    out.set(bytes.subarray(at + cut), at + insert.length)
    return out
  }
  switch (m.kind) {
    case 'flip': {
      if (bytes.length === 0) return bytes
      const out = bytes.slice()
      out[Math.min(bytes.length - 1, index(m.at))] = m.value
      return out
    }
    case 'insert':
      return splice(index(m.at), 0, m.bytes)
    case 'delete': {
      const at = index(m.at)
      return splice(at, Math.min(m.length, bytes.length - at), new Uint8Array())
    }
    case 'truncate':
      return bytes.slice(0, index(m.at))
    case 'copy': {
      const from = index(m.from)
      return splice(index(m.to), 0, bytes.slice(from, from + m.length))
    }
  }
}

export function mutate(bytes: Uint8Array, list: readonly Mutation[]): Uint8Array {
  return list.reduce(applyOne, bytes)
}

/**
 * Damages one entry inside a zip (a DOCX's word/document.xml, an archive's notebook.json) and zips
 * it up again, so the damage gets past the zip layer's checksums into the parser behind it. Half
 * the picks go to the entries matching `prefer` (the ones that matter most), the rest to any entry.
 */
export async function mutateZipEntry(
  zipBytes: Uint8Array,
  pick: number,
  list: readonly Mutation[],
  prefer: RegExp,
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(zipBytes)
  const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir)
  const preferred = names.filter((name) => prefer.test(name))
  const pool = preferred.length > 0 && pick % 2 === 0 ? preferred : names
  const name = pool[Math.floor(pick / 2) % pool.length]!
  zip.file(name, mutate(await zip.file(name)!.async('uint8array'), list))
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}
