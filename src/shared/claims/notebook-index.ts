/**
 * Lookups the claim rules need, built once per notebook change (one pass over annotations and
 * sources), so that resolving a claim's links, counting its origins, grading its sources and
 * filtering by tag cost what the claim holds, not what the notebook holds.
 */
import type { Annotation, Reliability, Source } from '../model'
import { normaliseName } from './corroboration'

export interface NotebookIndex {
  /** The sources in library order (the matrix keeps that order for its columns). */
  readonly sources: readonly Source[]
  readonly annotationsById: ReadonlyMap<string, Annotation>
  readonly sourcesById: ReadonlyMap<string, Source>
  /** The story a source tells: near-duplicates (one wire story run twice) share one. */
  storyOf(sourceId: string): string
  /** Normalised outlet → the grade last given (in library order) to a source of that outlet. */
  readonly outletGrades: ReadonlyMap<string, Reliability>
}

/** Union-find over near-duplicate sources, flattened: every source maps straight to its story. */
function storiesOf(sources: readonly Source[]): ReadonlyMap<string, string> {
  const parent = new Map<string, string>()
  const find = (id: string): string => {
    let root = id
    for (let up = parent.get(root); up !== undefined && up !== root; up = parent.get(root)) root = up
    // Path compression: point every id on the way straight at the root.
    for (let at = id; at !== root;) {
      const next = parent.get(at)!
      parent.set(at, root)
      at = next
    }
    return root
  }
  for (const source of sources) {
    for (const near of source.nearDuplicates) {
      const from = find(source.id)
      const to = find(near.sourceId)
      if (from !== to) parent.set(from, to)
    }
  }
  return new Map([...parent.keys()].map((id) => [id, find(id)]))
}

function gradesByOutlet(sources: readonly Source[]): Map<string, Reliability> {
  const grades = new Map<string, Reliability>()
  for (const source of sources) {
    if (!source.reliability) continue
    const outlet = normaliseName(source.outlet)
    if (outlet) grades.set(outlet, source.reliability)
  }
  return grades
}

export function indexNotebook(notebook: {
  annotations: readonly Annotation[]
  sources: readonly Source[]
}): NotebookIndex {
  const stories = storiesOf(notebook.sources)
  return {
    sources: notebook.sources,
    annotationsById: new Map(notebook.annotations.map((a) => [a.id, a])),
    sourcesById: new Map(notebook.sources.map((s) => [s.id, s])),
    storyOf: (sourceId) => stories.get(sourceId) ?? sourceId,
    outletGrades: gradesByOutlet(notebook.sources),
  }
}
