/**
 * The search popup's filters as data: one single-choice select per filter, each choice setting that
 * filter to one value (the first, empty choice clears it).
 */
import type { SearchFilters } from '../../../shared/search'
import type { Source, Tag } from '../../../shared/model'

export interface FilterChoice {
  key: keyof SearchFilters
  label: string
  any: string
  options: Array<{ value: string; label: string }>
}

const options = (pairs: Array<[string, string]>) => pairs.map(([value, label]) => ({ value, label }))

export function filterChoices(tags: readonly Tag[], sources: readonly Source[]): FilterChoice[] {
  return [
    {
      key: 'types',
      label: 'Type',
      any: 'Everything',
      options: options([
        ['source', 'Source texts'],
        ['annotation', 'Annotations'],
        ['claim', 'Claims'],
      ]),
    },
    {
      key: 'kinds',
      label: 'Kind',
      any: 'Any kind',
      options: options([
        ['claim', 'Claims (highlights)'],
        ['note', 'Notes'],
      ]),
    },
    {
      key: 'tagIds',
      label: 'Tag',
      any: 'Any tag',
      options: tags.map((t) => ({ value: t.id, label: t.name })),
    },
    {
      key: 'sourceIds',
      label: 'Source',
      any: 'Any source',
      options: sources.map((s) => ({
        value: s.id,
        label: `${s.outlet ? `${s.outlet}: ` : ''}${s.title.slice(0, 60)}`,
      })),
    },
    {
      key: 'reliability',
      label: 'Reliability',
      any: 'Any reliability',
      options: ['A', 'B', 'C', 'D', 'E', 'F'].map((g) => ({ value: g, label: `Source graded ${g}` })),
    },
    {
      key: 'stances',
      label: 'Stance',
      any: 'Any stance',
      options: options([
        ['supports', 'Supports'],
        ['contradicts', 'Contradicts'],
        ['mentions', 'Mentions'],
      ]),
    },
    {
      key: 'credibility',
      label: 'Grade',
      any: 'Any credibility',
      options: [1, 2, 3, 4, 5, 6].map((g) => ({ value: String(g), label: `Credibility ${g}` })),
    },
  ]
}

/** The filters with `key` set to the chosen value (credibility is numeric), or cleared. */
export function withFilter(filters: SearchFilters, key: keyof SearchFilters, value: string): SearchFilters {
  const next: Record<string, unknown> = { ...filters }
  if (!value) delete next[key]
  else next[key] = [key === 'credibility' ? Number(value) : value]
  return next as SearchFilters
}
