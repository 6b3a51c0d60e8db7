/**
 * The W3C Web Annotation test suite (web-platform-tests annotation-model) as a validator, for tests only.
 * It reads through `read` so that this file, which lint holds to the shared layer's rules, needs no
 * node:fs; the tests pass a reader rooted at the suite's folder.
 */
import Ajv from 'ajv-draft-04'
import type { ValidateFunction } from 'ajv-draft-04'
import addFormats from 'ajv-formats'

/** The suite's MUST lists, by the kind of document each applies to. */
export const MUST_LISTS = {
  annotation: 'annotations/annotationMusts.test',
  collection: 'collections/collectionMusts.test',
  page: 'collections/pages/pageMusts.test',
} as const
export type MustList = keyof typeof MUST_LISTS

export interface MustsSuite {
  /** How many assertions each list holds. */
  readonly sizes: Readonly<Record<MustList, number>>
  /** The assertion files (paths in the suite) that `document` fails; empty when it passes them all. */
  failures(document: unknown, list: MustList): string[]
}

/**
 * `definitions` names the suite's shared schema files (`definitions/*.json`, draft-04), which the
 * assertions reference by their ids (`id.json#/definitions/stringUri`).
 */
export function loadMustsSuite(read: (path: string) => string, definitions: readonly string[]): MustsSuite {
  // strict: false because the assertions carry the suite's own keywords (assertionType, errorMessage...).
  const ajv = new Ajv({ strict: false, validateFormats: true })
  // "full" checks the uri and date-time formats for real; the suite's MUSTs hinge on both.
  addFormats(ajv, { mode: 'full' })
  for (const path of definitions) ajv.addSchema(JSON.parse(read(path)) as object)

  const compiled = {} as Record<MustList, [string, ValidateFunction][]>
  for (const list of Object.keys(MUST_LISTS) as MustList[]) {
    const { assertions } = JSON.parse(read(MUST_LISTS[list])) as { assertions: string[] }
    compiled[list] = assertions.map((path) => {
      const schema = JSON.parse(read(path)) as Record<string, unknown>
      // The files' own ids are not unique across folders (nor always spelled like the file), and Ajv
      // refuses a second schema with a known id. A flat id keeps `id.json#...` refs resolving beside it.
      return [path, ajv.compile({ ...schema, id: path.replaceAll('/', '__') })]
    })
  }
  return {
    sizes: {
      annotation: compiled.annotation.length,
      collection: compiled.collection.length,
      page: compiled.page.length,
    },
    failures: (document, list) =>
      compiled[list].filter(([, valid]) => !valid(document)).map(([path]) => path),
  }
}
