/**
 * Builds the sample notebook from `resources/sample`: the five seed reports, imported as a user
 * would, plus a few annotations (described in sample.json by their quotes) so a new user sees the
 * product's point at once.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { AnnotationKind, Stance } from '../../shared/model'
import { createClaim } from './claims'
import { createAnnotation } from './annotations'
import { NotebookStore } from './notebook-store'
import { Importer } from './import/importer'

const SampleSpec = z.object({
  name: z.string(),
  annotations: z.array(
    z.object({
      file: z.string(),
      quote: z.string(),
      kind: AnnotationKind,
      comment: z.string(),
      tags: z.array(z.string()),
    }),
  ),
  /** Claims link annotations by their index in `annotations`. */
  claims: z
    .array(
      z.object({
        statement: z.string(),
        links: z.array(z.object({ annotation: z.number().int(), stance: Stance, attributedTo: z.string() })),
      }),
    )
    .default([]),
})

export const SAMPLE_FILES = [
  '000_0fc4dfd4ef4d2d56.txt',
  '001_83e5dde8b94cbfda.txt',
  '002_a4871556e040079a.txt',
  '003_b43ba051ed14bbce.txt',
  '004_a4fe718e7c600af5.txt',
]

export async function createSampleNotebook(dir: string, sampleDir: string): Promise<NotebookStore> {
  const spec = SampleSpec.parse(JSON.parse(await readFile(join(sampleDir, 'sample.json'), 'utf8')))
  const store = await NotebookStore.open(dir, spec.name)
  const uploads = await Promise.all(
    SAMPLE_FILES.map(async (name) => ({
      name,
      bytes: new Uint8Array(await readFile(join(sampleDir, name))),
    })),
  )
  // Plain text only: decoded in place, so no worker pool is started for the sample.
  const outcomes = await new Importer().importFiles(store, uploads)
  const annotationIds: string[] = []
  for (const note of spec.annotations) {
    const outcome = outcomes.find((o) => o.fileName === note.file)
    if (!outcome?.ok) throw new Error(`Sample file ${note.file} did not import`)
    const source = store.data.sources.find((s) => s.id === outcome.sourceId)!
    const start = (await store.readText(source.textSha256)).indexOf(note.quote)
    if (start < 0) throw new Error(`Sample quote not found in ${note.file}: ${note.quote}`)
    const annotation = await createAnnotation(store, {
      sourceId: source.id,
      kind: note.kind,
      start,
      end: start + note.quote.length,
      comment: note.comment,
      tags: note.tags,
    })
    annotationIds.push(annotation.id)
  }
  for (const claim of spec.claims) {
    const links = claim.links.map(({ annotation, stance, attributedTo }) => {
      const annotationId = annotationIds[annotation]
      if (!annotationId) throw new Error(`Sample claim links annotation ${annotation}, which does not exist`)
      return { annotationId, stance, attributedTo }
    })
    await createClaim(store, { statement: claim.statement, links })
  }
  return store
}
