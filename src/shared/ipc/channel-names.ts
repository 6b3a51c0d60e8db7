/**
 * Every IPC channel, named `domain:verb`. This list is all the preload exposes; it stays free of
 * dependencies because the sandboxed preload must bundle everything it imports.
 */
export const CHANNELS = [
  'notebook:snapshot',
  'notebook:open',
  'notebook:create',
  'notebook:exportArchive',
  'notebook:importArchive',
  'claims:exportCsv',
  'annotations:exportJsonLd',
  'sources:importDialog',
  'sources:importFiles',
  'sources:importUrl',
  'sources:cancelImport',
  'sources:importPaste',
  'sources:content',
  'sources:update',
  'sources:delete',
  'sources:restore',
  'annotations:create',
  'annotations:update',
  'annotations:delete',
  'annotations:restore',
  'claims:create',
  'claims:update',
  'claims:link',
  'claims:unlink',
  'claims:delete',
  'claims:restore',
  'claims:fromSuggestion',
  'claims:deleteWithAnnotations',
  'claims:restoreWithAnnotations',
  'sources:grade',
  'sources:texts',
  'tags:create',
  'tags:update',
  'tags:merge',
  'tags:unmerge',
  'tags:delete',
  'tags:restore',
  'search:query',
  'analysis:conflicts',
  'brief:export',
  'briefs:save',
  'briefs:delete',
  'briefs:restore',
  'briefs:export',
] as const

export type Channel = (typeof CHANNELS)[number]

/** The name under which the preload (and the browser test harness) puts the API on `window`. */
export const API_GLOBAL = 'corroborate'
