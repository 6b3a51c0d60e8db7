/** Sorting and filtering the library: pure, so it is unit-tested without a browser. */
import type { Source, SourceFormat } from '../../../shared/model'

export const FORMATS: readonly SourceFormat[] = ['html', 'pdf', 'docx', 'txt', 'md', 'paste']

export const SORT_KEYS = ['imported', 'title', 'outlet', 'published', 'format', 'annotations'] as const
export type SortKey = (typeof SORT_KEYS)[number]

export const SORT_LABELS: Record<SortKey, string> = {
  imported: 'Import order',
  title: 'Title',
  outlet: 'Outlet',
  published: 'Date (newest first)',
  format: 'Format',
  annotations: 'Most annotated',
}

export interface LibraryView {
  query: string
  format: SourceFormat | 'all'
  sort: SortKey
}

export const DEFAULT_VIEW: LibraryView = { query: '', format: 'all', sort: 'imported' }

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

export function orderSources(
  sources: readonly Source[],
  counts: ReadonlyMap<string, number>,
  view: LibraryView,
): Source[] {
  const words = view.query.toLocaleLowerCase().split(/\s+/).filter(Boolean)
  const matches = (s: Source) => {
    const haystack = [s.title, s.outlet, s.author, s.originalFileName, s.url].join(' ').toLocaleLowerCase()
    return words.every((w) => haystack.includes(w))
  }
  const picked = sources.filter((s) => (view.format === 'all' || s.format === view.format) && matches(s))
  const compare: Record<SortKey, (a: Source, b: Source) => number> = {
    imported: () => 0,
    title: (a, b) => collator.compare(a.title, b.title),
    // Unknown outlets and dates sort last, whatever the direction.
    outlet: (a, b) => (!a.outlet ? 1 : 0) - (!b.outlet ? 1 : 0) || collator.compare(a.outlet, b.outlet),
    published: (a, b) =>
      (!a.published ? 1 : 0) - (!b.published ? 1 : 0) || b.published.localeCompare(a.published),
    format: (a, b) => a.format.localeCompare(b.format),
    annotations: (a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0),
  }
  return picked
    .map((s, i) => [s, i] as const)
    .sort(([a, i], [b, j]) => compare[view.sort](a, b) || i - j)
    .map(([s]) => s)
}
