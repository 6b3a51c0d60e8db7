/**
 * The one export pipeline of both briefs, whatever the format: outline the brief (which quotes it
 * cites), read only the cited texts, check every quote and every text's SHA-256, write the footnotes
 * and serialise the one tree. It throws before anything is built when a check fails, so nothing
 * false is ever handed to the writer. Asking where to save, and the durable write, are the caller's
 * (api/handlers.ts), which verifies before it opens any dialog.
 */
import {
  finishTree,
  outlineDraft,
  outlineQuickBrief,
  serialiseBrief,
  type BriefFile,
  type BriefFileFormat,
  type BriefOutline,
} from '../../../shared/brief'
import type { NotebookData } from '../../../shared/model'
import type { CitationStyle } from '../citations/format-citation'
import { DomainError } from '../domain-error'
import type { NotebookStore } from '../notebook-store'
import { footnoteCiter } from './brief-citations'
import { verifyCited } from './verify-cited'

/** The quick brief (every claim annotation), or one composed brief by id. */
export type BriefRequest = { kind: 'quick' } | { kind: 'composed'; briefId: string }

export async function prepareVerifiedBrief(
  store: Pick<NotebookStore, 'data' | 'readText' | 'readStructure'>,
  request: BriefRequest,
  format: BriefFileFormat,
  cslDir: string,
): Promise<BriefFile> {
  // One committed (frozen) snapshot throughout: an edit saved while texts are read cannot mix in.
  const data = store.data
  const { outline, style } = outlineOf(data, request)
  await verifyCited(store, data.sources, outline)
  const cite = await footnoteCiter(store, outline.footnotes, style, cslDir)
  return serialiseBrief(finishTree(outline, cite), outline, format)
}

function outlineOf(
  data: NotebookData,
  request: BriefRequest,
): { outline: BriefOutline; style: CitationStyle | null } {
  if (request.kind === 'quick')
    return { outline: outlineQuickBrief(data, new Date().toISOString()), style: null }
  const draft = data.briefs.find((b) => b.id === request.briefId)
  if (!draft) throw new DomainError('not-found', 'That brief is no longer in the notebook.')
  return { outline: outlineDraft(data, draft), style: draft.citationStyle }
}
