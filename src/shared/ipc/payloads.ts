/**
 * The payload schemas main validates every IPC call against (zod). One tuple per channel: the
 * arguments the renderer passes. `satisfies` keeps this map and the channel list in step.
 */
import { z } from 'zod'
import {
  BriefDraft,
  Annotation,
  AnnotationKind,
  Claim,
  ClaimLink,
  Credibility,
  Reliability,
  Source,
  SourceMetadata,
  Stance,
  Tag,
} from '../model'
import { MAX_FILES_PER_IMPORT, MAX_IMPORT_BYTES } from '../limits'
import type { Channel } from './channel-names'

const id = z.string().min(1).max(100)
const tagName = z.string().trim().min(1).max(100)
/** Names an import so the renderer can follow its progress and cancel it. */
const jobId = z.string().min(1).max(100)

/**
 * A file's name and bytes as main read them, from disk or the network. Never an IPC payload: files
 * reach main as paths (below), so no call carries megabytes and main checks sizes before reading.
 */
export interface FileUpload {
  name: string
  bytes: Uint8Array
}

/**
 * An absolute path on this computer (POSIX, a Windows drive or a UNC share), as the preload got it
 * for a dropped file or folder. A relative path would name something under main's working folder.
 */
const absolutePath = z
  .string()
  .min(1)
  .max(4096)
  .regex(/^(\/|[A-Za-z]:[\\/]|\\\\[^\\])/, 'Expected an absolute path')
  .refine((path) => !path.includes('\0'), 'A path cannot contain a NUL character')

export const PastedText = z.object({
  // Counted in UTF-8 bytes, as stored: 20 million CJK characters would be 60 MB on disk.
  text: z
    .string()
    .max(MAX_IMPORT_BYTES, 'Pasted text is too long')
    .refine((text) => new TextEncoder().encode(text).byteLength <= MAX_IMPORT_BYTES, {
      message: `Pasted text is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`,
    }),
  title: z.string().max(1000),
})
export type PastedText = z.infer<typeof PastedText>

export const NewAnnotation = z.object({
  sourceId: id,
  kind: AnnotationKind,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  comment: z.string().max(100_000),
  tags: z.array(tagName).max(100),
})
export type NewAnnotation = z.infer<typeof NewAnnotation>

export const AnnotationPatch = z
  .object({ kind: AnnotationKind, comment: z.string().max(100_000), tags: z.array(tagName).max(100) })
  .partial()
export type AnnotationPatch = z.infer<typeof AnnotationPatch>

export const DeletedSource = z.object({ source: Source, annotations: z.array(Annotation) })
export type DeletedSource = z.infer<typeof DeletedSource>

export const NewClaim = z.object({
  statement: z.string().trim().min(1, 'A claim needs a statement').max(5000),
  links: z.array(ClaimLink).max(1000),
})
export type NewClaim = z.infer<typeof NewClaim>

export const ClaimPatch = z
  .object({ statement: z.string().trim().min(1).max(5000), credibility: Credibility.nullable() })
  .partial()
export type ClaimPatch = z.infer<typeof ClaimPatch>

/** A conflict-finder suggestion made into a claim: each range becomes a claim annotation, linked. */
export const ClaimSuggestion = z.object({
  statement: z.string().trim().min(1).max(5000),
  links: z
    .array(
      z.object({
        sourceId: id,
        start: z.number().int().nonnegative(),
        end: z.number().int().nonnegative(),
        stance: Stance,
        attributedTo: z.string().max(500),
      }),
    )
    .min(1)
    .max(500),
})
export type ClaimSuggestion = z.infer<typeof ClaimSuggestion>

export const ClaimWithAnnotations = z.object({ claim: Claim, annotations: z.array(Annotation) })
export type ClaimWithAnnotations = z.infer<typeof ClaimWithAnnotations>

export const TagPatch = z
  .object({
    name: z.string().trim().min(1).max(100),
    parentId: id.nullable(),
    color: z.string().regex(/^(#[0-9a-fA-F]{6})?$/, 'Colour must be #rrggbb'),
    description: z.string().max(2000),
  })
  .partial()
export type TagPatch = z.infer<typeof TagPatch>

export const DeletedTag = z.object({
  tag: Tag,
  annotationIds: z.array(id),
  claimIds: z.array(id),
  childIds: z.array(id),
})

export const SearchFilters = z
  .object({
    types: z.array(z.enum(['source', 'annotation', 'claim'])),
    tagIds: z.array(id),
    kinds: z.array(AnnotationKind),
    sourceIds: z.array(id),
    stances: z.array(Stance),
    reliability: z.array(Reliability),
    credibility: z.array(z.number().int().min(1).max(6)),
  })
  .partial()

export const BriefFormat = z.enum(['markdown', 'html', 'docx', 'pdf'])
export type BriefFormat = z.infer<typeof BriefFormat>

/** A backup's folder name: its UTC time and kind (see core/storage/backups.ts). */
const backupId = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-[a-z-]{1,20}$/)

export const payloads = {
  'notebook:snapshot': z.tuple([]),
  'notebook:open': z.tuple([]),
  'notebook:create': z.tuple([]),
  'notebook:exportArchive': z.tuple([]),
  'notebook:importArchive': z.tuple([]),
  'claims:exportCsv': z.tuple([]),
  'annotations:exportJsonLd': z.tuple([]),
  'sources:importDialog': z.tuple([z.enum(['files', 'folder']), jobId]),
  'sources:importPaths': z.tuple([z.array(absolutePath).min(1).max(MAX_FILES_PER_IMPORT), jobId]),
  'sources:importUrl': z.tuple([z.string().trim().min(1).max(4096), jobId]),
  'sources:cancelImport': z.tuple([jobId]),
  'sources:importPaste': z.tuple([PastedText]),
  'sources:content': z.tuple([id]),
  'sources:update': z.tuple([id, SourceMetadata.partial()]),
  'sources:delete': z.tuple([id]),
  'sources:restore': z.tuple([DeletedSource]),
  'annotations:create': z.tuple([NewAnnotation]),
  'annotations:update': z.tuple([id, AnnotationPatch]),
  'annotations:delete': z.tuple([id]),
  'annotations:restore': z.tuple([Annotation]),
  'claims:create': z.tuple([NewClaim]),
  'claims:update': z.tuple([id, ClaimPatch]),
  'claims:link': z.tuple([id, ClaimLink]),
  'claims:unlink': z.tuple([id, id]),
  'claims:delete': z.tuple([id]),
  'claims:restore': z.tuple([Claim]),
  'claims:fromSuggestion': z.tuple([ClaimSuggestion]),
  'claims:deleteWithAnnotations': z.tuple([ClaimWithAnnotations]),
  'claims:restoreWithAnnotations': z.tuple([ClaimWithAnnotations]),
  'sources:grade': z.tuple([id, Reliability.nullable()]),
  'tags:create': z.tuple([TagPatch.extend({ name: z.string().trim().min(1).max(100) })]),
  'tags:update': z.tuple([id, TagPatch]),
  'tags:merge': z.tuple([id, id]),
  'tags:unmerge': z.tuple([
    z.object({
      from: DeletedTag,
      intoId: id,
      gained: z.object({ annotationIds: z.array(id), claimIds: z.array(id) }),
    }),
  ]),
  'tags:delete': z.tuple([id]),
  'tags:restore': z.tuple([DeletedTag]),
  'search:query': z.tuple([z.string().max(1000), SearchFilters]),
  'analysis:conflicts': z.tuple([jobId]),
  'brief:export': z.tuple([BriefFormat]),
  'briefs:save': z.tuple([BriefDraft]),
  'briefs:delete': z.tuple([id]),
  'briefs:restore': z.tuple([BriefDraft]),
  'briefs:export': z.tuple([id, BriefFormat]),
  // The quotes one draft cites; far more than any brief holds, so one call stays small.
  'briefs:citations': z.tuple([z.enum(['chicago', 'apa']), z.array(id).max(2000)]),
  'notebook:status': z.tuple([]),
  'notebook:recover': z.tuple([backupId]),
  'backups:list': z.tuple([]),
  'backups:create': z.tuple([]),
  'backups:restore': z.tuple([backupId]),
  'links:openExternal': z.tuple([z.string().max(4096)]),
  'tasks:cancel': z.tuple([jobId]),
} satisfies Record<Channel, z.ZodTuple>
