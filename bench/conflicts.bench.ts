/**
 * The conflict finder on a notebook of 1,000 sources (CONFLICTS_BENCH_SOURCES to change), each figure
 * beside a plain regex number extractor over the same texts in the same run:
 * - analysing every text in the worker pool: what imports do, once per text (and the finder's first
 *   run over texts imported before analyses were stored);
 * - the finder, cold: the notebook just opened, every analysis read back from the folder;
 * - the finder after one new source is imported (the import itself, analysis included, beside it).
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { findConflictsIn } from '../src/main/core/conflict-finder'
import { ExtractorPool } from '../src/main/core/import/extractor-pool'
import { Importer } from '../src/main/core/import/importer'
import { NotebookStore } from '../src/main/core/notebook-store'
import { loadAnalyses } from '../src/main/core/text-analyses'
import { distinctTexts, writeNotebook } from './conflicts-fixture'
import { median, row, timeMs } from './stats'

const SOURCES = Number(process.env['CONFLICTS_BENCH_SOURCES'] ?? 1000)
const RUNS = 3
const GOAL_RATIO = 10
const GOAL_AFTER_ONE_MS = 300

/** The baseline: every number with the word after it ("3,000 troops"), as a plain regex reads them. */
function regexNumbers(texts: readonly string[]): number {
  let found = 0
  for (const text of texts) {
    for (const match of text.matchAll(/(\d[\d,.]*)\s+(\p{L}+)/gu)) if (match[2]) found++
  }
  return found
}

async function timeRuns(runs: number, work: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) times.push((await timeMs(work))[1])
  return median(times)
}

export async function benchConflicts(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'corroborate-conflicts-bench-'))
  const pool = new ExtractorPool()
  try {
    const texts = distinctTexts(SOURCES)
    await writeNotebook(dir, texts)
    const characters = texts.reduce((sum, text) => sum + text.length, 0)
    console.log(
      `\nconflict finder: ${SOURCES} sources, ${(characters / 1e6).toFixed(1)} M characters ` +
        `(machine load ${loadavg()
          .map((n) => n.toFixed(1))
          .join(' ')}); medians of ${RUNS} runs`,
    )
    const widths = [46, 10, 12, 20]
    console.log(row(['', 'ms', 'ms/source', 'vs regex (same run)'], widths))

    let store = await NotebookStore.open(dir)
    const shas = store.data.sources.map((source) => source.textSha256)
    const [, analyseMs] = await timeMs(() => loadAnalyses(store, pool, shas))
    await store.close()

    const regexMs = await timeRuns(RUNS, () => regexNumbers(texts))
    const readAndRegexMs = await timeRuns(RUNS, async () =>
      regexNumbers(await Promise.all(shas.map((sha) => readFile(join(dir, 'texts', `${sha}.txt`), 'utf8')))),
    )
    const ratio = (ms: number) => `${(ms / regexMs).toFixed(1)}x`
    console.log(row(['regex number extractor (baseline)', regexMs, regexMs / SOURCES, '1x'], widths))
    console.log(
      row(
        [
          '  the same, reading the texts from the folder',
          readAndRegexMs,
          readAndRegexMs / SOURCES,
          ratio(readAndRegexMs),
        ],
        widths,
      ),
    )
    console.log(
      row(
        ['analyse every text (worker pool, 2 threads)', analyseMs, analyseMs / SOURCES, ratio(analyseMs)],
        widths,
      ),
    )

    const coldTimes: number[] = []
    let findings = { groups: [] as unknown[], singletons: [] as unknown[] }
    for (let i = 0; i < RUNS; i++) {
      store = await NotebookStore.open(dir)
      const [found, ms] = await timeMs(() => findConflictsIn(store, pool))
      findings = found
      coldTimes.push(ms)
      if (i < RUNS - 1) await store.close()
    }
    const coldMs = median(coldTimes)
    console.log(
      row(['conflict finder, cold (notebook just opened)', coldMs, coldMs / SOURCES, ratio(coldMs)], widths),
    )

    const importer = new Importer(pool, undefined, { analyseTexts: true })
    const importTimes: number[] = []
    const afterTimes: number[] = []
    for (const [i, text] of distinctTexts(RUNS, SOURCES).entries()) {
      const upload = { name: `new-${i}.txt`, bytes: new TextEncoder().encode(text) }
      importTimes.push((await timeMs(() => importer.importFiles(store, [upload])))[1])
      afterTimes.push((await timeMs(() => findConflictsIn(store, pool)))[1])
    }
    const afterMs = median(afterTimes)
    console.log(row(['  import one new source (its analysis included)', median(importTimes), '', ''], widths))
    console.log(
      row(['conflict finder after one new source', afterMs, afterMs / SOURCES, ratio(afterMs)], widths),
    )
    await store.close()
    console.log(
      `groups: ${findings.groups.length}, single-source statements: ${findings.singletons.length}; ` +
        `goals: cold at most ${GOAL_RATIO}x the regex extractor (${ratio(coldMs)} against it in memory, ` +
        `${(coldMs / readAndRegexMs).toFixed(1)}x reading the texts too); ` +
        `after one new source under ${GOAL_AFTER_ONE_MS} ms (${afterMs.toFixed(0)} ms)`,
    )
  } finally {
    await pool.close()
    await rm(dir, { recursive: true, force: true })
  }
}
