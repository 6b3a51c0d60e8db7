/**
 * The codebook: tags with hierarchy, colours and descriptions. Renaming keeps ids, so annotations
 * and claims follow; merging moves every use of one tag onto another; deleting removes its uses and
 * hands its children to its parent. Each destructive step returns what it needs to be undone.
 */
import { randomUUID } from 'node:crypto'
import type { NotebookData, Tag } from '../../shared/model'
import type { TagPatch } from '../../shared/ipc/payloads'
import { DomainError } from './domain-error'
import { editById, editWhere } from './records'
import type { NotebookStore } from './notebook-store'

export interface DeletedTag {
  tag: Tag
  annotationIds: string[]
  claimIds: string[]
  childIds: string[]
}

function findTag(data: NotebookData, id: string): Tag {
  const tag = data.tags.find((t) => t.id === id)
  if (!tag) throw new DomainError('not-found', 'That tag is no longer in the codebook.')
  return tag
}

function checkName(data: NotebookData, name: string, exceptId?: string): void {
  const clash = data.tags.find(
    (t) => t.id !== exceptId && t.name.toLocaleLowerCase() === name.toLocaleLowerCase(),
  )
  if (clash)
    throw new DomainError('duplicate-tag', `A tag named “${clash.name}” already exists: merge them instead.`)
}

/** A tag may not become its own ancestor. */
function checkParent(data: NotebookData, id: string, parentId: string | null | undefined): void {
  for (let at = parentId; at; at = data.tags.find((t) => t.id === at)?.parentId) {
    if (at === id)
      throw new DomainError('tag-cycle', 'A tag cannot be filed under itself or its own children.')
    findTag(data, at)
  }
}

export async function createTag(store: NotebookStore, input: TagPatch & { name: string }): Promise<Tag> {
  return store.update((data) => {
    checkName(data, input.name)
    const tag: Tag = { ...input, id: randomUUID(), name: input.name.trim() }
    checkParent(data, tag.id, tag.parentId)
    data.tags.push(tag)
    return tag
  })
}

export async function updateTag(store: NotebookStore, id: string, patch: TagPatch): Promise<Tag> {
  return store.update((data) => {
    findTag(data, id)
    if (patch.name !== undefined) checkName(data, patch.name, id)
    if (patch.parentId !== undefined) checkParent(data, id, patch.parentId)
    return editById(data.tags, id, (tag) => {
      if (patch.name !== undefined) tag.name = patch.name.trim()
      if (patch.parentId !== undefined) tag.parentId = patch.parentId
      if (patch.color !== undefined) tag.color = patch.color
      if (patch.description !== undefined) tag.description = patch.description
    })!
  })
}

/** What a merge changed, so it can be undone exactly. */
export interface MergedTag {
  /** The merged-away tag, with the items that carried it and its children. */
  from: DeletedTag
  intoId: string
  /** Items that did not carry `intoId` before the merge and got it from it. */
  gained: { annotationIds: string[]; claimIds: string[] }
}

/** Moves every use of `fromId` onto `intoId`, then removes `fromId` (its children move too). */
export async function mergeTags(store: NotebookStore, fromId: string, intoId: string): Promise<MergedTag> {
  if (fromId === intoId) throw new DomainError('bad-merge', 'A tag cannot be merged into itself.')
  return store.update((data) => {
    const from = findTag(data, fromId)
    const into = findTag(data, intoId)
    const gains = (ids: string[]) => ids.includes(fromId) && !ids.includes(intoId)
    const record: MergedTag = {
      from: {
        tag: from,
        annotationIds: data.annotations.filter((a) => a.tagIds.includes(fromId)).map((a) => a.id),
        claimIds: data.claims.filter((c) => c.tagIds.includes(fromId)).map((c) => c.id),
        childIds: data.tags.filter((t) => t.parentId === fromId).map((t) => t.id),
      },
      intoId,
      gained: {
        annotationIds: data.annotations.filter((a) => gains(a.tagIds)).map((a) => a.id),
        claimIds: data.claims.filter((c) => gains(c.tagIds)).map((c) => c.id),
      },
    }
    const swap = (ids: string[]) => [...new Set(ids.map((t) => (t === fromId ? intoId : t)))]
    const carries = (item: { tagIds: string[] }) => item.tagIds.includes(fromId)
    editWhere(data.annotations, carries, (a) => void (a.tagIds = swap(a.tagIds)))
    editWhere(data.claims, carries, (c) => void (c.tagIds = swap(c.tagIds)))
    editWhere(
      data.tags,
      (t) => t.parentId === fromId,
      (t) => void (t.parentId = intoId),
    )
    if (into.parentId === fromId) editById(data.tags, intoId, (t) => void (t.parentId = null))
    data.tags = data.tags.filter((t) => t.id !== fromId)
    return record
  })
}

/** Undo of a merge: the merged-away tag comes back with its uses; items that only had it lose `intoId`. */
export async function unmergeTags(store: NotebookStore, merged: MergedTag): Promise<Tag> {
  await store.update((data) => {
    const annotations = new Set(merged.gained.annotationIds)
    const claims = new Set(merged.gained.claimIds)
    const drop = (item: { tagIds: string[] }) =>
      void (item.tagIds = item.tagIds.filter((t) => t !== merged.intoId))
    editWhere(data.annotations, (a) => annotations.has(a.id), drop)
    editWhere(data.claims, (c) => claims.has(c.id), drop)
  })
  return restoreTag(store, merged.from)
}

export async function deleteTag(store: NotebookStore, id: string): Promise<DeletedTag> {
  return store.update((data) => {
    const tag = findTag(data, id)
    const annotationIds = data.annotations.filter((a) => a.tagIds.includes(id)).map((a) => a.id)
    const claimIds = data.claims.filter((c) => c.tagIds.includes(id)).map((c) => c.id)
    const childIds = data.tags.filter((t) => t.parentId === id).map((t) => t.id)
    const carries = (item: { tagIds: string[] }) => item.tagIds.includes(id)
    const drop = (item: { tagIds: string[] }) => void (item.tagIds = item.tagIds.filter((t) => t !== id))
    editWhere(data.annotations, carries, drop)
    editWhere(data.claims, carries, drop)
    editWhere(
      data.tags,
      (t) => t.parentId === id,
      (child) => void (child.parentId = tag.parentId ?? null),
    )
    data.tags = data.tags.filter((t) => t.id !== id)
    return { tag, annotationIds, claimIds, childIds }
  })
}

export async function restoreTag(store: NotebookStore, deleted: DeletedTag): Promise<Tag> {
  return store.update((data) => {
    if (data.tags.some((t) => t.id === deleted.tag.id)) return deleted.tag
    data.tags.push(deleted.tag)
    const annotations = new Set(deleted.annotationIds)
    const claims = new Set(deleted.claimIds)
    const children = new Set(deleted.childIds)
    const give = (item: { tagIds: string[] }) => void item.tagIds.push(deleted.tag.id)
    editWhere(data.annotations, (a) => annotations.has(a.id), give)
    editWhere(data.claims, (c) => claims.has(c.id), give)
    editWhere(
      data.tags,
      (t) => children.has(t.id),
      (t) => void (t.parentId = deleted.tag.id),
    )
    return deleted.tag
  })
}
