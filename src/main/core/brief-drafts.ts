/**
 * Composed briefs: saved whole (the composer edits a copy) and deleted with undo. They are exported
 * through the one verified pipeline both briefs share (export/verified-brief.ts).
 */
import type { BriefDraft } from '../../shared/model'
import { DomainError } from './domain-error'
import type { NotebookStore } from './notebook-store'

export async function saveDraft(store: NotebookStore, draft: BriefDraft): Promise<BriefDraft> {
  return store.update((data) => {
    const saved = { ...draft, modified: new Date().toISOString() }
    const index = data.briefs.findIndex((b) => b.id === draft.id)
    if (index >= 0) data.briefs[index] = saved
    else data.briefs.push(saved)
    return saved
  })
}

export async function deleteDraft(store: NotebookStore, id: string): Promise<BriefDraft> {
  return store.update((data) => {
    const draft = data.briefs.find((b) => b.id === id)
    if (!draft) throw new DomainError('not-found', 'That brief is no longer in the notebook.')
    data.briefs = data.briefs.filter((b) => b.id !== id)
    return draft
  })
}
