/**
 * Runs the conflict finder over the open notebook and pairs each finding with the claim it would
 * make, so the renderer needs none of the NLP code. Local and deterministic: no model, no network.
 */
import {
  findConflicts,
  toClaimSuggestion,
  type ClaimSuggestion,
  type ConflictGroup,
  type Singleton,
} from '../../shared/analysis'
import type { NotebookStore } from './notebook-store'

export interface ConflictFindings {
  groups: Array<ConflictGroup & { suggestion: ClaimSuggestion }>
  singletons: Array<Singleton & { suggestion: ClaimSuggestion }>
}

export async function findConflictsIn(store: NotebookStore): Promise<ConflictFindings> {
  const sources = await Promise.all(
    store.data.sources.map(async (s) => ({
      id: s.id,
      outlet: s.outlet,
      title: s.title,
      text: await store.readText(s.textSha256).catch(() => ''),
    })),
  )
  const report = findConflicts(sources)
  return {
    groups: report.groups.map((group) => ({ ...group, suggestion: toClaimSuggestion(group) })),
    singletons: report.singletons.map((singleton) => ({
      ...singleton,
      suggestion: toClaimSuggestion(singleton),
    })),
  }
}
