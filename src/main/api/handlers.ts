/**
 * The implementations behind every IPC channel. The renderer's API type is derived from this object,
 * so a handler's signature is the contract: change it here and the compiler finds every caller.
 */
import { readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { buildMatrixCsv } from '../../shared/export/matrix-csv'
import { buildAnnotationCollectionJson, uuidUrn } from '../../shared/export/web-annotation'
import { ARCHIVE_EXTENSION, exportArchive, importArchive } from '../core/archive'
import type { Channel } from '../../shared/ipc/channel-names'
import type { AppEvent } from '../../shared/ipc/events'
import type {
  AnnotationPatch,
  BriefFormat,
  ClaimPatch,
  ClaimSuggestion,
  DeletedSource,
  FileUpload,
  NewAnnotation,
  NewClaim,
  PastedText,
  TagPatch,
} from '../../shared/ipc/payloads'
import type {
  Annotation,
  BriefDraft,
  Claim,
  ClaimLink,
  Reliability,
  SourceMetadata,
} from '../../shared/model'
import { createAnnotation, deleteAnnotation, restoreAnnotation, updateAnnotation } from '../core/annotations'
import { deleteDraft, saveDraft } from '../core/brief-drafts'
import type { CitationStyle } from '../core/citations/format-citation'
import { quoteCitations } from '../core/export/brief-citations'
import { prepareVerifiedBrief, type BriefRequest } from '../core/export/verified-brief'
import { writeFileDurably } from '../core/storage/durable-write'
import {
  claimFromSuggestion,
  createClaim,
  deleteClaimWithAnnotations,
  restoreClaimWithAnnotations,
  type ClaimWithAnnotations,
  deleteClaim,
  gradeSource,
  linkToClaim,
  restoreClaim,
  unlinkFromClaim,
  updateClaim,
} from '../core/claims'
import {
  createTag,
  deleteTag,
  mergeTags,
  restoreTag,
  unmergeTags,
  updateTag,
  type DeletedTag,
  type MergedTag,
} from '../core/codebook'
import { DomainError } from '../core/domain-error'
import { fetchForImport, type ImportFetch } from '../core/import/fetch-url'
import { Importer, type ImportOptions } from '../core/import/importer'
import { readUploads } from '../core/import/read-paths'
import type { NotebookSession } from '../core/notebook-session'
import { deleteSource, importPaste, restoreSource, updateSource } from '../core/sources'
import type { NativeShell } from './native-shell'
import { SearchService } from '../core/search-service'
import { findConflictsIn } from '../core/conflict-finder'
import type { SearchFilters } from '../../shared/search'
import { takeSnapshot } from './snapshot'

const BRIEF_FILTERS: Record<BriefFormat, { name: string; extensions: string[] }> = {
  markdown: { name: 'Markdown', extensions: ['md'] },
  html: { name: 'HTML', extensions: ['html'] },
  docx: { name: 'Word document', extensions: ['docx'] },
  pdf: { name: 'PDF', extensions: ['pdf'] },
}

export interface HandlerOptions {
  importer?: Importer
  /** Where the bundled CSL styles are (resources/csl); defaults to the working folder's. */
  cslDir?: string
  /** Sends an event to the renderer (import progress). */
  emit?: (event: AppEvent) => void
  /**
   * How URL imports reach the network: Chromium's stack on an in-memory session in the app
   * (electron/url-fetch.ts: system proxy, PAC, OS certificates), Node's fetch by default (tests).
   */
  fetch?: ImportFetch
}

export function createHandlers(session: NotebookSession, shell: NativeShell, options: HandlerOptions = {}) {
  const store = () => session.store
  const importer = options.importer ?? new Importer()
  const emit = options.emit ?? (() => undefined)
  const cslDir = options.cslDir ?? join(process.cwd(), 'resources', 'csl')
  const jobs = new Map<string, AbortController>()
  session.onStatus((status) => emit({ type: 'notebook-status', status }))

  /**
   * Builds a brief through the verified pipeline (so a refused one opens no dialog and writes
   * nothing), asks where to save it and writes it durably. PDF is the HTML brief printed by
   * Chromium, so both show the same verified document.
   */
  const saveBrief = async (request: BriefRequest, format: BriefFormat) => {
    const brief = await prepareVerifiedBrief(store(), request, format === 'pdf' ? 'html' : format, cslDir)
    const fileName = format === 'pdf' ? brief.fileName.replace(/\.html$/, '.pdf') : brief.fileName
    const path = await shell.chooseExportPath(fileName, BRIEF_FILTERS[format])
    if (!path) return null
    const content = format === 'pdf' ? await shell.printHtmlToPdf(String(brief.content)) : brief.content
    await writeFileDurably(path, content)
    return { path }
  }
  const search = new SearchService()

  const findSource = (id: string) => {
    const source = store().data.sources.find((s) => s.id === id)
    if (!source) throw new DomainError('not-found', 'That source is no longer in the notebook.')
    return source
  }

  /** Runs one import job: progress events as each file finishes, cancellable by its id. */
  const runImport = async (
    jobId: string,
    uploads: FileUpload[],
    extra: Omit<ImportOptions, 'signal' | 'onProgress'> = {},
  ) => {
    const controller = new AbortController()
    jobs.set(jobId, controller)
    try {
      return await importer.importFiles(store(), uploads, {
        ...extra,
        signal: controller.signal,
        onProgress: (progress) => emit({ type: 'import-progress', jobId, ...progress }),
      })
    } finally {
      jobs.delete(jobId)
    }
  }

  /** Files and folders on disk: over-limit and unreadable files are refused alone, the rest import. */
  const importPaths = async (jobId: string, paths: readonly string[]) => {
    const { uploads, refused } = await readUploads(paths)
    return [...refused, ...(uploads.length ? await runImport(jobId, uploads) : [])]
  }

  return {
    'notebook:snapshot': async () => takeSnapshot(store()),
    'notebook:open': async () => {
      const dir = await shell.chooseNotebookFolder('open')
      if (dir) await session.switchTo(dir)
      return dir ? takeSnapshot(store()) : null
    },
    'notebook:create': async () => {
      const dir = await shell.chooseNotebookFolder('create')
      if (dir) await session.switchTo(dir, basename(dir))
      return dir ? takeSnapshot(store()) : null
    },
    'notebook:exportArchive': async () => {
      const bytes = await exportArchive(store())
      const name = `${
        store()
          .data.meta.name.replace(/[\\/:*?"<>|]+/g, ' ')
          .trim() || 'notebook'
      }${ARCHIVE_EXTENSION}`
      const path = await shell.chooseExportPath(name, {
        name: 'Corroborate archive',
        extensions: ['corroborate'],
      })
      if (!path) return null
      await writeFileDurably(path, bytes)
      return { path }
    },
    'notebook:importArchive': async () => {
      const archive = await shell.chooseArchive()
      if (!archive) return null
      const dir = await shell.chooseNotebookFolder('create')
      if (!dir) return null
      await importArchive(new Uint8Array(await readFile(archive)), dir)
      await session.switchTo(dir)
      return takeSnapshot(store())
    },
    'claims:exportCsv': async () => {
      const path = await shell.chooseExportPath('claims-matrix.csv', { name: 'CSV', extensions: ['csv'] })
      if (!path) return null
      await writeFileDurably(path, buildMatrixCsv(store().data))
      return { path }
    },
    'annotations:exportJsonLd': async () => {
      const data = store().data
      const texts = new Map<string, string | null>()
      for (const s of data.sources)
        texts.set(
          s.id,
          await store()
            .readText(s.textSha256)
            .catch(() => null),
        )
      const json = buildAnnotationCollectionJson(data, {
        generated: new Date().toISOString(),
        baseId: uuidUrn(data.meta.id) ?? `urn:corroborate:notebook:${encodeURIComponent(data.meta.id)}`,
        texts,
      })
      const path = await shell.chooseExportPath('annotations.jsonld', {
        name: 'W3C Web Annotations (JSON-LD)',
        extensions: ['jsonld', 'json'],
      })
      if (!path) return null
      await writeFileDurably(path, json)
      return { path }
    },
    'sources:importDialog': async (kind: 'files' | 'folder', jobId: string) => {
      const paths = await shell.chooseFilesToImport(kind)
      return paths.length === 0 ? [] : importPaths(jobId, paths)
    },
    /** Dropped files and folders, by path (the preload's pathsForFiles): read like the dialog's. */
    'sources:importPaths': async (paths: string[], jobId: string) => importPaths(jobId, paths),
    'sources:importUrl': async (url: string, jobId: string) => {
      const controller = new AbortController()
      jobs.set(jobId, controller)
      const page = await fetchForImport(url, controller.signal, options.fetch).finally(() =>
        jobs.delete(jobId),
      )
      return runImport(jobId, [page.upload], { fetched: { url: page.url, retrieved: page.retrieved } })
    },
    'sources:cancelImport': async (jobId: string) => {
      jobs.get(jobId)?.abort()
      return jobs.has(jobId)
    },
    'sources:importPaste': async (paste: PastedText) => importPaste(store(), paste),
    'sources:content': async (id: string) => {
      const source = findSource(id)
      const [text, structure] = await Promise.all([
        store().readText(source.textSha256),
        store().readStructure(source.textSha256),
      ])
      return { text, structure }
    },
    'sources:update': async (id: string, patch: Partial<SourceMetadata>) => updateSource(store(), id, patch),
    'sources:delete': async (id: string) => deleteSource(store(), id),
    'sources:restore': async (deleted: DeletedSource) => restoreSource(store(), deleted),
    'annotations:create': async (input: NewAnnotation) => createAnnotation(store(), input),
    'annotations:update': async (id: string, patch: AnnotationPatch) => updateAnnotation(store(), id, patch),
    'annotations:delete': async (id: string) => deleteAnnotation(store(), id),
    'annotations:restore': async (annotation: Annotation) => restoreAnnotation(store(), annotation),
    'claims:create': async (input: NewClaim) => createClaim(store(), input),
    'claims:update': async (id: string, patch: ClaimPatch) => updateClaim(store(), id, patch),
    'claims:link': async (claimId: string, link: ClaimLink) => linkToClaim(store(), claimId, link),
    'claims:unlink': async (claimId: string, annotationId: string) =>
      unlinkFromClaim(store(), claimId, annotationId),
    'claims:delete': async (id: string) => deleteClaim(store(), id),
    'claims:restore': async (claim: Claim) => restoreClaim(store(), claim),
    'claims:fromSuggestion': async (suggestion: ClaimSuggestion) => claimFromSuggestion(store(), suggestion),
    'claims:deleteWithAnnotations': async (made: ClaimWithAnnotations) =>
      deleteClaimWithAnnotations(store(), made),
    'claims:restoreWithAnnotations': async (made: ClaimWithAnnotations) =>
      restoreClaimWithAnnotations(store(), made),
    'sources:grade': async (id: string, grade: Reliability | null) => gradeSource(store(), id, grade),
    'tags:create': async (input: TagPatch & { name: string }) => createTag(store(), input),
    'tags:update': async (id: string, patch: TagPatch) => updateTag(store(), id, patch),
    'tags:merge': async (fromId: string, intoId: string) => mergeTags(store(), fromId, intoId),
    'tags:unmerge': async (merged: MergedTag) => unmergeTags(store(), merged),
    'tags:delete': async (id: string) => deleteTag(store(), id),
    'tags:restore': async (deleted: DeletedTag) => restoreTag(store(), deleted),
    'analysis:conflicts': async (jobId: string) => {
      const controller = new AbortController()
      jobs.set(jobId, controller)
      try {
        return await findConflictsIn(store(), importer.workers, controller.signal)
      } finally {
        jobs.delete(jobId)
      }
    },
    /** Stops a long job (an import, the conflict finder) by its id; answers whether one was running. */
    'tasks:cancel': async (jobId: string) => {
      jobs.get(jobId)?.abort()
      return jobs.has(jobId)
    },
    'search:query': async (query: string, filters: SearchFilters) => search.search(store(), query, filters),
    'briefs:save': async (draft: BriefDraft) => saveDraft(store(), draft),
    'briefs:delete': async (id: string) => deleteDraft(store(), id),
    'briefs:restore': async (draft: BriefDraft) => saveDraft(store(), draft),
    'briefs:export': async (id: string, format: BriefFormat) =>
      saveBrief({ kind: 'composed', briefId: id }, format),
    /** The composer's preview: the citations the export would write, for the quotes its draft cites. */
    'briefs:citations': async (style: CitationStyle, annotationIds: string[]) =>
      quoteCitations(store(), style, annotationIds, cslDir),
    'brief:export': async (format: BriefFormat) => saveBrief({ kind: 'quick' }, format),
    'notebook:status': async () => ({ ...store().status, alarm: session.startupAlarm }),
    'notebook:recover': async (backupId: string) => {
      await session.recover(backupId)
      return takeSnapshot(store())
    },
    'backups:list': async () => store().backups(),
    'backups:create': async () => store().backupNow('auto'),
    'backups:restore': async (backupId: string) => {
      await store().restore(backupId)
      return takeSnapshot(store())
    },
    // The shell opens only https and mailto links, after the user confirms (electron/external-links.ts).
    'links:openExternal': async (url: string) => shell.openLinkInBrowser(url),
  } satisfies Record<Channel, (...args: never[]) => Promise<unknown>>
}

export type Handlers = ReturnType<typeof createHandlers>
