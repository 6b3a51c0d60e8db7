/**
 * One valid call per IPC channel, built from records that exist in the test's notebook, for the
 * fuzzer to damage one field at a time. `satisfies Record<Channel, …>` makes a new channel a
 * compile error here until it has an example.
 */
import { fileURLToPath } from 'node:url'
import type { Channel } from '../../../shared/ipc/channel-names'
import type { Annotation, BriefDraft, Claim, Source, Tag } from '../../../shared/model'

/** A real file for the drop channel, which takes paths: one of the sample notebook's articles. */
const SAMPLE_FILE = fileURLToPath(
  new URL('../../../../resources/sample/003_b43ba051ed14bbce.txt', import.meta.url),
)

export interface NotebookRecords {
  source: Source
  annotation: Annotation
  tag: Tag
  claim: Claim
  draft: BriefDraft
}

export function validCalls({ source, annotation, tag, claim, draft }: NotebookRecords) {
  const deletedTag = { tag, annotationIds: [annotation.id], claimIds: [], childIds: [] }
  const link = { annotationId: annotation.id, stance: 'supports', attributedTo: 'John Kirby' }
  const suggestion = {
    statement: 'North Korea sent troops',
    links: [{ sourceId: source.id, start: 0, end: 20, stance: 'mentions', attributedTo: '' }],
  }
  return {
    'notebook:snapshot': [],
    'notebook:open': [],
    'notebook:create': [],
    'notebook:exportArchive': [],
    'notebook:importArchive': [],
    'claims:exportCsv': [],
    'annotations:exportJsonLd': [],
    'sources:importDialog': ['files', 'job-1'],
    'sources:importPaths': [[SAMPLE_FILE], 'job-2'],
    'sources:importUrl': ['not a url at all', 'job-3'],
    'sources:cancelImport': ['job-4'],
    'sources:importPaste': [{ text: 'Pasted words.', title: 'Paste' }],
    'sources:content': [source.id],
    'sources:update': [source.id, { title: 'Renamed', published: '2024-10-23' }],
    'sources:delete': [source.id],
    'sources:restore': [{ source, annotations: [annotation] }],
    'annotations:create': [
      { sourceId: source.id, kind: 'note', start: 0, end: 12, comment: 'c', tags: ['fuzz'] },
    ],
    'annotations:update': [annotation.id, { comment: 'edited', tags: ['x'] }],
    'annotations:delete': [annotation.id],
    'annotations:restore': [annotation],
    'claims:create': [{ statement: 'A claim', links: [link] }],
    'claims:update': [claim.id, { statement: 'Reworded', credibility: 2 }],
    'claims:link': [claim.id, link],
    'claims:unlink': [claim.id, annotation.id],
    'claims:delete': [claim.id],
    'claims:restore': [claim],
    'claims:fromSuggestion': [suggestion],
    'claims:deleteWithAnnotations': [{ claim, annotations: [annotation] }],
    'claims:restoreWithAnnotations': [{ claim, annotations: [annotation] }],
    'sources:grade': [source.id, 'B'],
    'tags:create': [{ name: 'new tag', color: '#c0392b', description: 'd', parentId: null }],
    'tags:update': [tag.id, { name: 'renamed tag' }],
    'tags:merge': [tag.id, tag.id],
    'tags:unmerge': [{ from: deletedTag, intoId: tag.id, gained: { annotationIds: [], claimIds: [] } }],
    'tags:delete': [tag.id],
    'tags:restore': [deletedTag],
    'search:query': ['troops', { types: ['source'], kinds: ['claim'] }],
    'analysis:conflicts': ['job-conflicts'],
    'brief:export': ['markdown'],
    'briefs:save': [draft],
    'briefs:delete': [draft.id],
    'briefs:restore': [draft],
    'briefs:export': [draft.id, 'html'],
    'briefs:citations': [draft.citationStyle, [annotation.id]],
    'notebook:status': [],
    'notebook:recover': ['2026-12-01T18-00-00-000Z-auto'],
    'backups:list': [],
    'backups:create': [],
    'backups:restore': ['2026-12-01T18-00-00-000Z-auto'],
    'links:openExternal': ['https://example.org/article'],
    'tasks:cancel': ['job-conflicts'],
  } satisfies Record<Channel, unknown[]>
}
