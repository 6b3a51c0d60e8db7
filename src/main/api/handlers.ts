/**
 * The implementations behind every IPC channel. The renderer's API type is derived from this object,
 * so a handler's signature is the contract: change it here and the compiler finds every caller.
 */
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Channel } from '../../shared/ipc/channel-names'
import type {
  BriefFormat,
  FileUpload,
  NewAnnotation,
  AnnotationPatch,
  PastedText,
} from '../../shared/ipc/payloads'
import type { Annotation, NotebookMeta, Source, SourceMetadata, Tag } from '../../shared/model'
import { createAnnotation, deleteAnnotation, restoreAnnotation, updateAnnotation } from '../core/annotations'
import { prepareBrief, writeFileAtomic } from '../core/brief-export'
import { DomainError } from '../core/domain-error'
import type { NotebookSession } from '../core/notebook-session'
import { deleteSource, importFiles, importPaste, updateSource } from '../core/sources'
import type { NativeShell } from './native-shell'

export interface NotebookSnapshot {
  dir: string
  meta: NotebookMeta
  sources: Source[]
  annotations: Annotation[]
  tags: Tag[]
}

const BRIEF_FILTERS: Record<BriefFormat, { name: string; extensions: string[] }> = {
  markdown: { name: 'Markdown', extensions: ['md'] },
  html: { name: 'HTML', extensions: ['html'] },
}

export function createHandlers(session: NotebookSession, shell: NativeShell) {
  const store = () => session.store
  const snapshot = (): NotebookSnapshot => {
    const { meta, sources, annotations, tags } = store().data
    return { dir: store().dir, meta, sources, annotations, tags }
  }
  const findSource = (id: string): Source => {
    const source = store().data.sources.find((s) => s.id === id)
    if (!source) throw new DomainError('not-found', 'That source is no longer in the notebook.')
    return source
  }

  return {
    'notebook:snapshot': async () => snapshot(),
    'notebook:open': async () => {
      const dir = await shell.chooseNotebookFolder('open')
      if (dir) await session.switchTo(dir)
      return dir ? snapshot() : null
    },
    'notebook:create': async () => {
      const dir = await shell.chooseNotebookFolder('create')
      if (dir) await session.switchTo(dir, basename(dir))
      return dir ? snapshot() : null
    },
    'sources:importDialog': async () => {
      const paths = await shell.chooseFilesToImport()
      const uploads = await Promise.all(
        paths.map(async (path) => ({ name: basename(path), bytes: new Uint8Array(await readFile(path)) })),
      )
      return uploads.length ? importFiles(store(), uploads) : []
    },
    'sources:importFiles': async (uploads: FileUpload[]) => importFiles(store(), uploads),
    'sources:importPaste': async (paste: PastedText) => importPaste(store(), paste),
    'sources:text': async (id: string) => store().readText(findSource(id).textSha256),
    'sources:update': async (id: string, patch: Partial<SourceMetadata>) => updateSource(store(), id, patch),
    'sources:delete': async (id: string) => deleteSource(store(), id),
    'annotations:create': async (input: NewAnnotation) => createAnnotation(store(), input),
    'annotations:update': async (id: string, patch: AnnotationPatch) => updateAnnotation(store(), id, patch),
    'annotations:delete': async (id: string) => deleteAnnotation(store(), id),
    'annotations:restore': async (annotation: Annotation) => restoreAnnotation(store(), annotation),
    'brief:export': async (format: BriefFormat) => {
      const brief = await prepareBrief(store(), format)
      const path = await shell.chooseExportPath(brief.fileName, BRIEF_FILTERS[format])
      if (!path) return null
      await writeFileAtomic(path, brief.content)
      return { path }
    },
  } satisfies Record<Channel, (...args: never[]) => Promise<unknown>>
}

export type Handlers = ReturnType<typeof createHandlers>
