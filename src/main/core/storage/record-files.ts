/** The content of each record file, rendered from the notebook data (and the shapes read back). */
import { z } from 'zod'
import { NotebookMeta, type Annotation, type NotebookData } from '../../../shared/model'
import { positionOf } from './id-index'
import { parseShardKey, renderJson, type ShardKey } from './layout'

/** notebook.json, checked loosely first: records inside are validated one by one. */
export const ManifestFile = z.object({
  schemaVersion: z.number().int().positive(),
  meta: NotebookMeta,
  tags: z.array(z.unknown()).default([]),
})
export type ManifestFile = z.infer<typeof ManifestFile>

export const SourceFile = z.object({
  source: z.unknown().nullable(),
  annotations: z.array(z.unknown()).default([]),
})

/**
 * The text of the file for `key`, or null when the file should no longer exist. `bySource` gives a
 * source's annotations when many files are rendered at once (a migration), so each need not scan all.
 */
export function renderShard(
  data: NotebookData,
  key: ShardKey,
  bySource?: ReadonlyMap<string, Annotation[]>,
): string | null {
  const parsed = parseShardKey(key)
  if (!parsed) return renderJson({ schemaVersion: data.schemaVersion, meta: data.meta, tags: data.tags })
  const { kind, id } = parsed
  if (kind === 'claim') {
    const claim = data.claims[positionOf(data.claims, id)]
    return claim ? renderJson(claim) : null
  }
  if (kind === 'brief') {
    const brief = data.briefs[positionOf(data.briefs, id)]
    return brief ? renderJson(brief) : null
  }
  const source = data.sources[positionOf(data.sources, id)] ?? null
  const annotations = bySource ? (bySource.get(id) ?? []) : data.annotations.filter((a) => a.sourceId === id)
  if (!source && annotations.length === 0) return null
  return renderJson({ source, annotations })
}

/** Every key the data occupies: what a migration or a restore writes. */
export function allShardKeys(data: NotebookData): ShardKey[] {
  const keys = new Set<ShardKey>(['manifest'])
  for (const s of data.sources) keys.add(`source:${s.id}`)
  for (const a of data.annotations) keys.add(`source:${a.sourceId}`)
  for (const c of data.claims) keys.add(`claim:${c.id}`)
  for (const b of data.briefs) keys.add(`brief:${b.id}`)
  return [...keys]
}

/** Each source's annotations, in notebook order. */
export function annotationsBySource(data: NotebookData): Map<string, Annotation[]> {
  const groups = new Map<string, Annotation[]>()
  for (const annotation of data.annotations) {
    const group = groups.get(annotation.sourceId)
    if (group) group.push(annotation)
    else groups.set(annotation.sourceId, [annotation])
  }
  return groups
}
