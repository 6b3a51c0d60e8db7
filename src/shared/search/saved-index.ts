/**
 * A built index as bytes, to keep beside the notebook (so opening it does not index every text again)
 * and to hand from the worker that built it: a JSON header (terms, item ids and fingerprints, the
 * caller's `meta`) and the postings as raw typed arrays, which load as views without parsing.
 *
 *   "CRSEARCH" · u32 format version · u32 header bytes · header JSON · padding to 4 · arrays
 */
import { entityKey, type DocRef } from './documents'
import type { EntityEntry } from './notebook-search'
import type { TermIndex, TermIndexData } from './term-index'
import type { SearchDocType } from './types'
import type { Vocabulary } from './vocabulary'

const MAGIC = 'CRSEARCH'
/** Bump when the layout, the tokenizer, chunking or scoring inputs change: older files are rebuilt. */
export const SAVED_INDEX_VERSION = 2

type ArrayName = 'lengths' | 'listTerms' | 'listFields' | 'listSizes' | 'postings' | 'chunks' | 'counts'
type Arrays = Record<ArrayName, [offset: number, length: number]>

/** Per type, one row per item: its id and fingerprint (and in `counts`, how many documents it has). */
interface TypeHeader {
  ids: string[]
  fingerprints: string[]
  arrays: Arrays
}

interface Header<M> {
  meta: M
  terms: string[]
  types: Record<SearchDocType, TypeHeader>
}

/** One type's items in slot order: an item's documents have consecutive slots. */
export interface SavedItems {
  ids: string[]
  fingerprints: string[]
  counts: Int32Array
}

export interface IndexParts {
  vocabulary: Vocabulary
  indexes: Record<SearchDocType, TermIndex<DocRef>>
  entities: Map<string, EntityEntry>
}

export interface LoadedParts<M> {
  meta: M
  terms: string[]
  types: Record<SearchDocType, TermIndexData<DocRef> & { items: SavedItems }>
}

const TYPES: readonly SearchDocType[] = ['source', 'annotation', 'claim']

export function saveIndex<M>(parts: IndexParts, meta: M): Uint8Array {
  const { vocabulary, indexes, entities } = parts
  // Terms no document holds any more are left behind; the rest renumbered in order.
  const used = new Uint8Array(vocabulary.size)
  for (const type of TYPES) indexes[type].markUsedTerms(used)
  const termIds = new Int32Array(vocabulary.size).fill(-1)
  const terms: string[] = []
  vocabulary.terms.forEach((term, id) => {
    if (!used[id]) return
    termIds[id] = terms.length
    terms.push(term)
  })

  const chunks: Uint8Array[] = []
  let offset = 0
  const put = (array: ArrayBufferView): [number, number] => {
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength)
    const at = offset
    chunks.push(bytes)
    offset += bytes.byteLength
    const pad = (4 - (offset % 4)) % 4
    if (pad) {
      chunks.push(new Uint8Array(pad))
      offset += pad
    }
    return [at, (array as Uint8Array).length]
  }
  const types = {} as Header<M>['types']
  for (const type of TYPES) {
    const data = indexes[type].export(termIds)
    const ranges = new Int32Array(type === 'source' ? data.refs.length * 3 : 0)
    const ids: string[] = []
    const fingerprints: string[] = []
    const counts: number[] = []
    data.refs.forEach((ref, slot) => {
      if (ref.chunk) ranges.set([ref.chunk.index, ref.chunk.start, ref.chunk.end], slot * 3)
      if (ids[ids.length - 1] === ref.entityId) counts[counts.length - 1]!++
      else {
        ids.push(ref.entityId)
        fingerprints.push(entities.get(entityKey(type, ref.entityId))?.fingerprint ?? '')
        counts.push(1)
      }
    })
    types[type] = {
      ids,
      fingerprints,
      arrays: {
        lengths: put(data.lengths),
        listTerms: put(data.listTerms),
        listFields: put(data.listFields),
        listSizes: put(data.listSizes),
        postings: put(data.postings),
        chunks: put(ranges),
        counts: put(Int32Array.from(counts)),
      },
    }
  }
  const header = new TextEncoder().encode(JSON.stringify({ meta, terms, types } satisfies Header<M>))
  const headerEnd = 16 + header.byteLength
  const bodyStart = headerEnd + ((4 - (headerEnd % 4)) % 4)
  const out = new Uint8Array(bodyStart + offset)
  const view = new DataView(out.buffer)
  out.set(new TextEncoder().encode(MAGIC), 0)
  view.setUint32(8, SAVED_INDEX_VERSION, true)
  view.setUint32(12, header.byteLength, true)
  out.set(header, 16)
  let at = bodyStart
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.byteLength
  }
  return out
}

/** The saved parts, or null when `bytes` are not a whole saved index of this version (then: rebuild). */
export function loadIndex<M>(bytes: Uint8Array): LoadedParts<M> | null {
  try {
    return readParts<M>(bytes)
  } catch {
    return null // cut short (a torn write) or damaged: the header or an array does not fit
  }
}

function readParts<M>(bytes: Uint8Array): LoadedParts<M> | null {
  if (bytes.byteLength < 16 || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (view.getUint32(8, true) !== SAVED_INDEX_VERSION) return null
  const headerBytes = view.getUint32(12, true)
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + headerBytes))) as Header<M>
  const headerEnd = 16 + headerBytes
  // Typed array views need aligned offsets: copy once when the bytes are not (a Buffer from a pool).
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice()
  const bodyStart = aligned.byteOffset + headerEnd + ((4 - (headerEnd % 4)) % 4)
  const end = aligned.byteOffset + aligned.byteLength
  const read = <T>(
    Kind: { new (buffer: ArrayBuffer, offset: number, length: number): T; BYTES_PER_ELEMENT: number },
    [at, length]: [number, number],
  ) => {
    if (bodyStart + at + length * Kind.BYTES_PER_ELEMENT > end) throw new RangeError('saved index cut short')
    return new Kind(aligned.buffer as ArrayBuffer, bodyStart + at, length)
  }
  const types = {} as LoadedParts<M>['types']
  for (const type of TYPES) {
    const { ids, fingerprints, arrays } = header.types[type]
    const ranges = read(Int32Array, arrays.chunks)
    const counts = read(Int32Array, arrays.counts)
    const refs: DocRef[] = []
    ids.forEach((entityId, item) => {
      for (let i = 0; i < counts[item]!; i++) {
        const slot = refs.length
        refs.push(
          type === 'source'
            ? {
                type,
                entityId,
                chunk: { index: ranges[slot * 3]!, start: ranges[slot * 3 + 1]!, end: ranges[slot * 3 + 2]! },
              }
            : { type, entityId },
        )
      }
    })
    types[type] = {
      refs,
      items: { ids, fingerprints, counts },
      lengths: read(Uint32Array, arrays.lengths),
      listTerms: read(Int32Array, arrays.listTerms),
      listFields: read(Uint8Array, arrays.listFields),
      listSizes: read(Int32Array, arrays.listSizes),
      postings: read(Uint32Array, arrays.postings),
    }
  }
  return { meta: header.meta, terms: header.terms, types }
}
