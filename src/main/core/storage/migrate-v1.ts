/**
 * Version 1 kept the whole notebook in one notebook.json. Version 2 splits it into one file per
 * source (with its annotations), per claim and per brief, beside a small manifest. The migration
 * validates each record on its own (a bad one is set aside, not allowed to block the rest), writes
 * every record file, and replaces notebook.json last: a crash before that leaves version 1 intact,
 * and the next open simply migrates again. A snapshot of the version-1 file is taken first.
 */
import pLimit from 'p-limit'
import { z } from 'zod'
import {
  Annotation,
  BriefDraft,
  Claim,
  NotebookMeta,
  SCHEMA_VERSION,
  Source,
  Tag,
  type NotebookData,
} from '../../../shared/model'
import { fsyncFolder, writeFileDurably } from './durable-write'
import { absolute, MANIFEST_FILE, shardPath } from './layout'
import type { Fingerprint } from './fingerprint'
import { allShardKeys, annotationsBySource, renderShard } from './record-files'
import { dirname } from 'node:path'
import { deepFreeze } from './frozen'

const NotebookV1 = z.object({
  schemaVersion: z.literal(1),
  meta: NotebookMeta,
  sources: z.array(z.unknown()),
  annotations: z.array(z.unknown()),
  tags: z.array(z.unknown()),
  claims: z.array(z.unknown()).default([]),
  briefs: z.array(z.unknown()).default([]),
})

export interface V1Records {
  data: NotebookData
  bad: unknown[]
  reasons: string[]
}

/**
 * Reads version-1 JSON into version-2 data, record by record. Throws if the file's frame is wrong.
 * With `freeze`, each record comes out deeply frozen, as a store keeps them.
 */
export function readV1(raw: unknown, { freeze = false } = {}): V1Records {
  const v1 = NotebookV1.parse(raw)
  const bad: unknown[] = []
  const reasons: string[] = []
  const each = <T>(list: unknown[], schema: z.ZodType<T>, label: string): T[] =>
    list.flatMap((record, i) => {
      const parsed = schema.safeParse(record)
      if (parsed.success) return [freeze ? deepFreeze(parsed.data) : parsed.data]
      bad.push(record)
      const issue = parsed.error.issues[0]
      reasons.push(`${label} ${i + 1} (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'})`)
      return []
    })
  const data: NotebookData = {
    schemaVersion: SCHEMA_VERSION,
    meta: v1.meta,
    sources: each(v1.sources, Source, 'source'),
    annotations: each(v1.annotations, Annotation, 'annotation'),
    tags: each(v1.tags, Tag, 'tag'),
    claims: each(v1.claims, Claim, 'claim'),
    briefs: each(v1.briefs, BriefDraft, 'brief'),
  }
  return { data, bad, reasons }
}

/** Writes `data` as a version-2 notebook in `dir`, notebook.json last; returns each file's fingerprint. */
export async function writeAllRecords(dir: string, data: NotebookData): Promise<Map<string, Fingerprint>> {
  const fingerprints = new Map<string, Fingerprint>()
  const limit = pLimit(8)
  const folders = new Set<string>()
  const keys = allShardKeys(data).filter((key) => key !== 'manifest')
  const bySource = annotationsBySource(data)
  await Promise.all(
    keys.map((key) =>
      limit(async () => {
        const path = shardPath(key)
        const content = renderShard(data, key, bySource)
        if (content === null) return
        folders.add(dirname(absolute(dir, path)))
        fingerprints.set(path, await writeFileDurably(absolute(dir, path), content, { skipFolderSync: true }))
      }),
    ),
  )
  for (const folder of folders) await fsyncFolder(folder)
  const manifest = renderShard(data, 'manifest')!
  fingerprints.set(MANIFEST_FILE, await writeFileDurably(absolute(dir, MANIFEST_FILE), manifest))
  return fingerprints
}
