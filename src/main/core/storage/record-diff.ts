/**
 * What an edit changed, found by object identity. Committed records are frozen, so an edit can only
 * change the notebook by putting new record objects into the draft's arrays; comparing references
 * (not contents) finds them in one pass over each array, whatever the notebook's size.
 */
import type { NotebookData } from '../../../shared/model'
import { shardKeyOf, type ShardKey } from './layout'

export interface RecordChanges<T> {
  /** Records in `before` that are no longer in `after` (old versions of replaced records included). */
  removed: T[]
  /** Records in `after` that were not in `before` (new versions of replaced records included). */
  added: T[]
}

export function diffRecords<T>(before: readonly T[], after: readonly T[]): RecordChanges<T> {
  if (before === after) return { removed: [], added: [] }
  // The usual edit touches one place (an append, a replacement, a removal): skip the common ends.
  const shorter = Math.min(before.length, after.length)
  let start = 0
  while (start < shorter && before[start] === after[start]) start++
  let endBefore = before.length
  let endAfter = after.length
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--
    endAfter--
  }
  const middleBefore = before.slice(start, endBefore)
  const middleAfter = after.slice(start, endAfter)
  const inAfter = new Set(middleAfter)
  const inBefore = new Set(middleBefore)
  return {
    removed: middleBefore.filter((record) => !inAfter.has(record)),
    added: middleAfter.filter((record) => !inBefore.has(record)),
  }
}

export interface NotebookChanges {
  sources: RecordChanges<NotebookData['sources'][number]>
  annotations: RecordChanges<NotebookData['annotations'][number]>
  claims: RecordChanges<NotebookData['claims'][number]>
  briefs: RecordChanges<NotebookData['briefs'][number]>
  tags: RecordChanges<NotebookData['tags'][number]>
  /** The files the edit touched. */
  keys: Set<ShardKey>
}

export function diffNotebook(before: NotebookData, after: NotebookData): NotebookChanges {
  const changes = {
    sources: diffRecords(before.sources, after.sources),
    annotations: diffRecords(before.annotations, after.annotations),
    claims: diffRecords(before.claims, after.claims),
    briefs: diffRecords(before.briefs, after.briefs),
    tags: diffRecords(before.tags, after.tags),
    keys: new Set<ShardKey>(),
  }
  const { keys } = changes
  for (const s of [...changes.sources.removed, ...changes.sources.added]) keys.add(shardKeyOf('source', s.id))
  for (const a of [...changes.annotations.removed, ...changes.annotations.added])
    keys.add(shardKeyOf('source', a.sourceId))
  for (const c of [...changes.claims.removed, ...changes.claims.added]) keys.add(shardKeyOf('claim', c.id))
  for (const b of [...changes.briefs.removed, ...changes.briefs.added]) keys.add(shardKeyOf('brief', b.id))
  const manifestChanged =
    changes.tags.removed.length > 0 ||
    changes.tags.added.length > 0 ||
    before.meta !== after.meta ||
    before.schemaVersion !== after.schemaVersion
  if (manifestChanged) keys.add('manifest')
  return changes
}
