/** Every IPC answer is a value, never a thrown error: the renderer decides how to show failures. */
import type { Annotation, BriefDraft, Claim, NotebookData, Source, Tag } from '../model'

export interface IpcError {
  /** Stable machine-readable reason, e.g. `invalid-payload`, `quote-mismatch`, `not-found`. */
  code: string
  /** A sentence a user can read. */
  message: string
  details?: unknown
}

/** Records of one kind an edit wrote: new or replaced records whole, removed ones by id. */
export interface ChangedKind<T> {
  put: T[]
  removed: string[]
}

/**
 * What a command changed in the open notebook, so the renderer can update its caches without
 * reading the notebook again. Kinds the command did not touch are absent.
 */
export interface ChangedRecords {
  sources?: ChangedKind<Source>
  annotations?: ChangedKind<Annotation>
  claims?: ChangedKind<Claim>
  tags?: ChangedKind<Tag>
  briefs?: ChangedKind<BriefDraft>
  meta?: NotebookData['meta']
}

/** A call that undoes or repeats a command: its channel and its arguments. */
export type CommandStep = readonly [channel: string, ...args: unknown[]]

export type IpcResult<T> =
  | {
      ok: true
      value: T
      /** Present when the command edited the open notebook. */
      changes?: ChangedRecords
      /** Present when the command is undoable: the call that reverses it, and the one that repeats it. */
      undo?: CommandStep
      redo?: CommandStep
    }
  | { ok: false; error: IpcError }
