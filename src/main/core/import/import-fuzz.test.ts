/**
 * Fuzzes every import path with random bytes and damaged real files (the seed reports, and the
 * shared corpus's pages, PDFs and Word files when present). Whatever comes in, an import must end
 * in a document the notebook can store or in a refusal naming the file, never a crash, and a
 * refused import must leave the notebook folder exactly as it was.
 *
 * Most runs call the import worker's own entry point in process (the same answer the app gets from
 * its worker thread, without a thread per run); a smaller batch goes through the real Importer and
 * its worker pool onto a real notebook. Seeds are fixed, so a failure replays exactly.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { NotebookData } from '../../../shared/model'
import { exportArchive, importArchive } from '../archive'
import { createAnnotation } from '../annotations'
import { normalizeLineEnds } from '../decode-text'
import { DomainError } from '../domain-error'
import { NotebookStore } from '../notebook-store'
import { importPaste } from '../sources'
import { labelled, mutate, mutateZipEntry, mutations } from '../testing/byte-mutations'
import { corpusSeeds, sampleTexts, type SeedFile } from '../testing/fuzz-seeds'
import { hashFolder, listNotebookFiles } from '../testing/folder-hash'
import { extractionProblems, refusalProblems } from '../testing/import-contract'
import extractInWorker from './import-worker'
import { Importer } from './importer'

const SEED = 20261201
const NAMES = {
  txt: ['notes.txt', 'Übersicht – Bericht (1).txt'],
  md: ['brief.md', 'notes.markdown'],
  html: ['saved page.html', 'article.htm'],
  pdf: ['report.pdf', 'scan 2024-10.pdf'],
  docx: ['memo.docx', 'Rapport été.docx'],
} as const

const samples = sampleTexts()
const corpus = { html: corpusSeeds('html'), pdf: corpusSeeds('pdf'), docx: corpusSeeds('docx') }
for (const { skipped } of Object.values(corpus)) if (skipped) console.warn(`import fuzz: skipped, ${skipped}`)

const unhandled: unknown[] = []
const onUnhandled = (reason: unknown) => void unhandled.push(reason)
process.on('unhandledRejection', onUnhandled)
afterAll(() => {
  process.off('unhandledRejection', onUnhandled)
  expect(unhandled, 'unhandled rejections during the fuzz').toEqual([])
})

const seedOf = (seeds: SeedFile[]) => fc.constantFrom(...seeds)
const nameOf = (format: keyof typeof NAMES) => fc.constantFrom(...NAMES[format])
const randomBytes = fc.uint8Array({ maxLength: 4096 })
/** A seed report with a few mutations, printed in a counterexample as its name and size only. */
const damagedSample = fc
  .tuple(seedOf(samples), mutations)
  .map(([s, m]) => labelled(mutate(s.bytes, m), `${s.name} with ${m.length} mutations`))

/** How the runs ended, by test: accepted, or refused by code (proof the fuzz gets past the checks). */
const tally = new Map<string, Map<string, number>>()
let currentTest = ''
beforeEach((context) => void (currentTest = context.task.name))
afterEach(() => {
  const counts = tally.get(currentTest)
  if (counts) console.log(`${currentTest}: ${[...counts].map(([k, n]) => `${n} ${k}`).join(', ')}`)
})
function count(outcome: string): void {
  const counts = tally.get(currentTest) ?? new Map<string, number>()
  counts.set(outcome, (counts.get(outcome) ?? 0) + 1)
  tally.set(currentTest, counts)
}

/** One file through the worker's entry point; fails the run with every broken promise listed. */
async function expectSoundAnswer(name: string, bytes: Uint8Array): Promise<void> {
  const answer = await extractInWorker({ name, bytes })
  count(answer.ok ? 'accepted' : answer.code)
  const problems = answer.ok
    ? extractionProblems(answer.value)
    : refusalProblems(answer.code, answer.message, name)
  expect(problems, answer.ok ? 'accepted' : `refused: ${answer.code}: ${answer.message}`).toEqual([])
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
const options = (numRuns: number) => ({ seed: SEED, numRuns })

// Time limits below are backstops for a hang, sized from the work, not the clock: with both cores
// of a 2-core machine busy a run costs several times what it does idle (a damaged corpus page
// ~0.5 s idle, up to ~5 s busy; the worker's start-up from TypeScript 10-20 s), and each limit is
// several times the slowest run seen busy.

describe('import fuzz, in process', () => {
  it('plain text and Markdown: random bytes and damaged seed reports', async () => {
    const bytes = fc.oneof(randomBytes, damagedSample)
    const name = fc.oneof(nameOf('txt'), nameOf('md'))
    await fc.assert(fc.asyncProperty(name, bytes, expectSoundAnswer), options(300))
  })

  it('web pages, PDFs and Word files: random bytes and damaged seed reports under their names', async () => {
    const bytes = fc.oneof(randomBytes, damagedSample)
    const name = fc.oneof(nameOf('html'), nameOf('pdf'), nameOf('docx'))
    await fc.assert(fc.asyncProperty(name, bytes, expectSoundAnswer), options(120))
  }, 120_000)

  it.skipIf(!corpus.html.seeds.length)(
    'web pages: damaged corpus pages',
    async () => {
      const page = fc.tuple(seedOf(corpus.html.seeds), mutations)
      await fc.assert(
        fc.asyncProperty(page, nameOf('html'), ([seed, m], name) =>
          expectSoundAnswer(name, mutate(seed.bytes, m)),
        ),
        options(20),
      )
    },
    240_000,
  )

  it.skipIf(!corpus.pdf.seeds.length)(
    'PDFs: damaged corpus PDFs',
    async () => {
      const pdf = fc.tuple(seedOf(corpus.pdf.seeds), mutations)
      await fc.assert(
        fc.asyncProperty(pdf, nameOf('pdf'), ([seed, m], name) =>
          expectSoundAnswer(name, mutate(seed.bytes, m)),
        ),
        options(60),
      )
    },
    240_000,
  )

  it.skipIf(!corpus.docx.seeds.length)(
    'Word files: damaged zips and damaged XML inside them',
    async () => {
      const docx = fc.tuple(seedOf(corpus.docx.seeds), mutations, fc.nat(), fc.boolean())
      await fc.assert(
        fc.asyncProperty(docx, nameOf('docx'), async ([seed, m, pick, inside], name) => {
          const bytes = inside
            ? await mutateZipEntry(seed.bytes, pick, m, /^word\/document\.xml$/)
            : mutate(seed.bytes, m)
          await expectSoundAnswer(name, bytes)
        }),
        options(100),
      )
    },
    240_000,
  )
})

describe('import fuzz, onto a real notebook', () => {
  let root: string
  const importer = new Importer()
  beforeAll(async () => void (root = await mkdtemp(join(tmpdir(), 'corroborate-import-fuzz-'))))
  afterAll(async () => {
    await importer.close()
    await rm(root, { recursive: true, force: true })
  })

  /** Every format's seeds, damaged, under a name of that format. */
  const anyDamagedFile = fc.oneof(
    ...(['html', 'pdf', 'docx'] as const)
      .filter((format) => corpus[format].seeds.length > 0)
      .map((format) => fc.tuple(seedOf(corpus[format].seeds), nameOf(format), mutations)),
    fc.tuple(seedOf(samples), fc.oneof(nameOf('txt'), nameOf('md'), nameOf('html')), mutations),
  )

  // Up to 45 files through the worker pool, which starts from TypeScript.
  it('through the Importer and its worker pool, in batches: a refused file changes nothing on disk', async () => {
    const dir = join(root, 'importer')
    const store = await NotebookStore.open(dir)
    let added = 0
    const batch = fc.array(anyDamagedFile, { minLength: 1, maxLength: 3 })
    await fc.assert(
      fc.asyncProperty(batch, async (files) => {
        const before = await hashFolder(dir)
        const uploads = files.map(([seed, name, m]) => ({ name, bytes: mutate(seed.bytes, m) }))
        const outcomes = await importer.importFiles(store, uploads)
        // One outcome per file, in the order given: a bad file never stops the others.
        expect(outcomes.map((o) => o.fileName)).toEqual(uploads.map((u) => u.name))
        for (const outcome of outcomes) {
          count(outcome.ok ? (outcome.duplicate ? 'duplicate' : 'imported') : outcome.code)
          if (!outcome.ok) {
            expect(refusalProblems(outcome.code, outcome.error, outcome.fileName), outcome.error).toEqual([])
          } else if (!outcome.duplicate) {
            added++
            expect(store.data.sources.some((s) => s.id === outcome.sourceId)).toBe(true)
          }
        }
        if (outcomes.every((o) => !o.ok)) {
          const why = outcomes.map((o) => !o.ok && o.error).join('; ')
          expect(await hashFolder(dir), `all refused (${why}) but the folder changed`).toBe(before)
        }
      }),
      options(15),
    )
    await store.close()
    const reopened = await NotebookStore.open(dir)
    expect(NotebookData.safeParse(reopened.data).success).toBe(true)
    expect(reopened.data.sources).toHaveLength(added)
    for (const source of reopened.data.sources)
      expect((await reopened.readText(source.textSha256)).length).toBe(source.textLength)
    await reopened.close()
  }, 600_000)

  it('pasted text: stored as pasted, or refused without a trace', async () => {
    const dir = join(root, 'paste')
    const store = await NotebookStore.open(dir)
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 2000 }),
      fc.string({ unit: 'binary', maxLength: 500 }),
      fc.stringMatching(/^[\s\u00a0\u2028\ufeff]*$/),
      fc.tuple(seedOf(samples), mutations).map(([s, m]) => new TextDecoder().decode(mutate(s.bytes, m))),
    )
    await fc.assert(
      fc.asyncProperty(text, fc.string({ maxLength: 200 }), async (pasted, title) => {
        const before = await hashFolder(dir)
        const result = await importPaste(store, { text: pasted, title }).catch((e: unknown) => e)
        count(result instanceof DomainError ? result.code : result instanceof Error ? 'crash' : 'imported')
        if (result instanceof DomainError) {
          expect(result.message.trim()).not.toBe('')
          expect(await hashFolder(dir), `paste refused (${result.message}) but the folder changed`).toBe(
            before,
          )
          return
        }
        if (result instanceof Error) throw result
        const source = store.data.sources.find((s) => s.id === (result as { id: string }).id)!
        // Lone surrogates cannot be written as UTF-8; any well-formed paste must come back as pasted.
        if (!LONE_SURROGATE.test(pasted))
          expect(await store.readText(source.textSha256)).toBe(normalizeLineEnds(pasted))
      }),
      options(100),
    )
    await store.close()
  }, 240_000)

  it('notebook archives: damaged ones are refused and leave the target folder empty', async () => {
    const origin = await NotebookStore.open(join(root, 'archive-origin'))
    const paste = await importPaste(origin, { text: new TextDecoder().decode(samples[2]!.bytes), title: '' })
    await createAnnotation(origin, {
      sourceId: paste.id,
      kind: 'claim',
      start: 0,
      end: 40,
      comment: 'c',
      tags: ['t'],
    })
    const archive = await exportArchive(origin)
    await origin.close()
    let run = 0
    await fc.assert(
      fc.asyncProperty(mutations, fc.nat(), fc.boolean(), async (m, pick, inside) => {
        const bytes = inside
          ? await mutateZipEntry(archive, pick, m, /^(manifest|notebook)\.json$/)
          : mutate(archive, m)
        const target = join(root, `archive-${run++}`)
        await mkdir(target)
        const result = await importArchive(bytes, target).catch((e: unknown) => e)
        count(
          result instanceof DomainError
            ? result.code
            : result instanceof NotebookStore
              ? 'imported'
              : 'crash',
        )
        if (result instanceof NotebookStore) {
          expect(NotebookData.safeParse(result.data).success).toBe(true)
          await result.close()
          return
        }
        expect(result).toBeInstanceOf(DomainError)
        const { code, message } = result as DomainError
        expect(refusalProblems(code, message, target).filter((p) => !p.includes('does not name'))).toEqual([])
        expect(await listNotebookFiles(target), `refused (${message}) but files were left`).toEqual([])
      }),
      options(60),
    )
  }, 60_000)
})
