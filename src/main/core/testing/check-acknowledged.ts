/**
 * The crash test's verdict on a notebook folder: it opens from disk, its data validates, every
 * annotation's quote is the text at its position, and every acknowledged save is there with the
 * content it was acknowledged with (or a newer save of the same annotation, which may have reached
 * disk just before the kill without being acknowledged).
 */
import { NotebookData } from '../../../shared/model'
import { NotebookStore } from '../notebook-store'
import { commentFor, compareVersions, tagsFor, versionOf, type SaveVersion } from './crash-protocol'

/** The newest acknowledged save of each annotation, by id. */
export type Ledger = Map<string, SaveVersion>

const HARMLESS = new Set(['recovered', 'migrated'])

export interface Verdict {
  /** Every way the notebook broke the promise; empty when it kept it. */
  problems: string[]
  /** What the store did on open that is fine (e.g. 'recovered': it finished an interrupted edit). */
  notices: string[]
}

export async function findLostSaves(dir: string, ledger: Ledger): Promise<Verdict> {
  let store: NotebookStore
  try {
    store = await NotebookStore.open(dir)
  } catch (error) {
    return { problems: [`the notebook does not open: ${(error as Error).message}`], notices: [] }
  }
  try {
    const problems: string[] = []
    const notices: string[] = []
    // A store that opens a damaged notebook read-only, or sets files aside, says so in its status:
    // that is a failure too. Finishing an edit a crash interrupted (or a migration) is its job.
    const { status } = store
    if (status.readOnly) problems.push(`the notebook opened read-only: ${status.readOnly}`)
    for (const problem of status.problems) {
      if (HARMLESS.has(problem.kind)) notices.push(problem.kind)
      else problems.push(`the store reports (${problem.kind}): ${problem.message}`)
    }
    const parsed = NotebookData.safeParse(store.data)
    if (!parsed.success) problems.push(`the data does not validate: ${parsed.error.issues[0]?.message}`)
    const texts = new Map<string, string>()
    for (const source of store.data.sources) texts.set(source.id, await store.readText(source.textSha256))
    const tagNames = new Map(store.data.tags.map((tag) => [tag.id, tag.name]))
    const onDisk = new Map(store.data.annotations.map((a) => [a.id, a]))
    for (const annotation of onDisk.values()) {
      const { exact } = annotation.target.quote
      const { start, end } = annotation.target.position
      if (texts.get(annotation.sourceId)?.slice(start, end) !== exact)
        problems.push(`${annotation.id}: its quote is not the text at ${start}-${end}`)
    }
    for (const [id, acked] of ledger) {
      const annotation = onDisk.get(id)
      const found = annotation && versionOf(annotation.comment)
      const wanted = `"${commentFor(acked)}"`
      if (!annotation) problems.push(`${id}: acknowledged (${wanted}) but missing`)
      else if (!found || compareVersions(found, acked) < 0)
        problems.push(`${id}: acknowledged ${wanted}, found "${annotation.comment}"`)
      else if (compareVersions(found, acked) === 0) {
        const tags = annotation.tagIds.map((t) => tagNames.get(t) ?? `unknown tag ${t}`)
        if (JSON.stringify(tags) !== JSON.stringify(tagsFor(acked)))
          problems.push(`${id}: acknowledged tags ${tagsFor(acked).join()}, found ${tags.join()}`)
      }
    }
    return { problems, notices }
  } finally {
    await store.close()
  }
}
