/**
 * Storage: a notebook of 10,000 sources (~5 KB texts) and 100,000 annotations, generated in the
 * v1 single-file format and opened once untimed (a newer store migrates it then). Measured beside
 * baselines from the same run: opening to usable vs a raw JSON.parse of the v1 file (wall time, and
 * CPU time, which a busy machine disturbs less); saving one annotation's comment right after open
 * (the session's first save, which begins its backup, apart from later ones; latency, bytes
 * written, event-loop stall) vs lowdb's own JSONFile on a copy of that file; memory after open; the
 * saves and the memory each in a fresh process; and bytes per save at 1,000 sources, to show
 * whether a save grows with the notebook. Generated data lives in a temp dir, removed after.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { NotebookStore } from '../src/main/core/notebook-store'
import { writeV1Notebook, type FixtureSize } from './storage-fixture'
import { memoryAfterOpen, savesInFreshProcess, type SaveFigures } from './storage-probes'
import { median, percentile, row, timeMs } from './stats'

const LARGE: FixtureSize = { sources: 10_000, annotationsPerSource: 10 }
const SMALL: FixtureSize = { sources: 1_000, annotationsPerSource: 10 }
/** Up to 200 saves each (at least 3), but no longer than this: a whole-file store takes seconds a save. */
const SAVES = { maxSaves: 200, budgetMs: 10_000 }
/** Opens timed: up to 3, while they take under 10 s in all. */
const OPEN_RUNS = 3
const OPEN_BUDGET_MS = 10_000

const readOnlyReason = (store: NotebookStore) =>
  (store as { status?: { readOnly: string | null } }).status?.readOnly ?? null

/**
 * The store to save through. A store that opened read-only (it saw a lock it took for another
 * window's) is a bug to see, so it is printed; then the benchmark waits for it to clear, so the
 * save figures still come out.
 */
async function writable(store: NotebookStore): Promise<NotebookStore> {
  const started = performance.now()
  let current = store
  for (let attempt = 0; readOnlyReason(current) && attempt < 20; attempt++) {
    if (attempt === 0) console.log(`  WARNING: the store opened read-only: ${readOnlyReason(current)}`)
    await current.close()
    await new Promise((resolve) => setTimeout(resolve, 2000))
    current = await NotebookStore.open(current.dir)
  }
  const waited = ((performance.now() - started) / 1000).toFixed(1)
  if (current !== store)
    console.log(
      readOnlyReason(current) ? `  still read-only after ${waited} s` : `  writable after ${waited} s`,
    )
  return current
}
const mb = (bytes: number) => bytes / 1024 / 1024

interface Figures {
  v1Bytes: number
  openMs: number
  parseMs: number
  openCpuMs: number
  parseCpuMs: number
  store: SaveFigures
  lowdb: SaveFigures
  /** From the last save until the session's backup, taken beside the saves, was complete. */
  backupAfterMs: number
}

/** CPU time (every thread of this process) `work` took, ms, with its wall time. */
async function timeAndCpu<T>(work: () => Promise<T>): Promise<[T, number, number]> {
  const before = process.cpuUsage()
  const [result, ms] = await timeMs(work)
  const used = process.cpuUsage(before)
  return [result, ms, (used.user + used.system) / 1000]
}

async function measure(root: string, size: FixtureSize): Promise<Figures> {
  const dir = join(root, `notebook-${size.sources}`)
  const v1Copy = join(root, `baseline-${size.sources}`, 'notebook.json')
  const [data, generateMs] = await timeMs(() => writeV1Notebook(dir, size))
  await mkdir(join(v1Copy, '..'))
  await copyFile(join(dir, 'notebook.json'), v1Copy) // the store may migrate its own copy away
  const v1Bytes = (await readFile(v1Copy)).byteLength
  console.log(
    `  generated ${size.sources} sources in ${(generateMs / 1000).toFixed(1)} s; first open (migration)…`,
  )
  const [, firstOpenMs] = await timeMs(async () => (await NotebookStore.open(dir)).close())
  console.log(`  first open took ${(firstOpenMs / 1000).toFixed(1)} s (not counted below)`)

  const opens: number[] = []
  const openCpu: number[] = []
  const parses: number[] = []
  const parseCpu: number[] = []
  let store: NotebookStore | null = null
  for (let run = 0; run < OPEN_RUNS && (run === 0 || opens.reduce((a, b) => a + b) < OPEN_BUDGET_MS); run++) {
    if (store) await store.close()
    // Each open beside its own parse, so a busy spell weighs on both.
    const [, parseMs, parseCpuMs] = await timeAndCpu(
      async () => JSON.parse(await readFile(v1Copy, 'utf8')) as unknown,
    )
    parses.push(parseMs)
    parseCpu.push(parseCpuMs)
    const [opened, ms, cpu] = await timeAndCpu(async () => {
      const s = await NotebookStore.open(dir)
      if (s.data.annotations.length !== data.annotations.length) throw new Error('store lost annotations')
      return s
    })
    store = opened
    opens.push(ms)
    openCpu.push(cpu)
  }

  await (await writable(store!)).close()
  // Saves in fresh processes that open and save at once: the first is a session's first, and no
  // garbage of this process (the parses above) is left for the collector to charge a save with.
  const { backupAfterMs, ...storeSaves } = await savesInFreshProcess('store', dir, SAVES)
  const lowdbSaves = await savesInFreshProcess('lowdb', v1Copy, SAVES)
  return {
    v1Bytes,
    openMs: median(opens),
    parseMs: median(parses),
    openCpuMs: median(openCpu),
    parseCpuMs: median(parseCpu),
    store: storeSaves,
    lowdb: lowdbSaves,
    backupAfterMs,
  }
}

const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`
const goal = (met: boolean, text: string) => `${text} ${met ? 'met' : 'NOT met'}`

function report(
  large: Figures,
  small: Figures,
  memory: Record<'store' | 'lowdb', { heapUsed: number; rss: number }>,
) {
  const { store, lowdb } = large
  const widths = [26, 10, 10, 10, 38]
  const storeMedian = median(store.times)
  const lowdbMedian = median(lowdb.times)
  const bytes = (f: SaveFigures) => (f.bytes.length ? median(f.bytes) : NaN)
  console.log(row(['', 'store', 'baseline', 'store/base', 'goal'], widths))
  /** One figure beside its baseline, with their ratio and the goal it is held to. */
  const line = (label: string, ours: number, base: number, goalText = '') =>
    console.log(row([label, ours, base, ratio(ours, base), goalText], widths))
  line('open to usable, ms', large.openMs, large.parseMs, goal(large.openMs <= 1.5 * large.parseMs, '≤ 1.5x'))
  line(
    'open to usable, CPU ms',
    large.openCpuMs,
    large.parseCpuMs,
    goal(large.openCpuMs <= 1.5 * large.parseCpuMs, '≤ 1.5x'),
  )
  line('first save, ms', store.first, lowdb.first, goal(store.first < 10, '< 10 ms'))
  line(
    'later saves median, ms',
    storeMedian,
    lowdbMedian,
    goal(
      storeMedian < 10 && lowdbMedian / storeMedian >= 50,
      `< 10 ms, ≥ 50x faster (${(lowdbMedian / storeMedian).toFixed(1)}x)`,
    ),
  )
  line('later saves p95, ms', percentile(store.times, 95), percentile(lowdb.times, 95))
  console.log(
    row(['later saves measured', String(store.times.length), String(lowdb.times.length), '', ''], widths),
  )
  line('KB written per save', bytes(store) / 1024, bytes(lowdb) / 1024)
  line('longest loop stall, ms', store.stallMs, lowdb.stallMs, goal(store.stallMs < 16, '< 16 ms'))
  line('heapUsed after open, MB', mb(memory.store.heapUsed), mb(memory.lowdb.heapUsed))
  line('rss after open, MB', mb(memory.store.rss), mb(memory.lowdb.rss))
  console.log(
    `the session's backup (hard links to ${LARGE.sources + 1} files), taken beside the saves, was complete ` +
      `${large.backupAfterMs.toFixed(0)} ms after the last of them`,
  )
  const grows = bytes(large.store) / bytes(small.store)
  console.log(
    `KB written per save at ${SMALL.sources} vs ${LARGE.sources} sources: store ${(bytes(small.store) / 1024).toFixed(1)} vs ` +
      `${(bytes(large.store) / 1024).toFixed(1)} (${grows.toFixed(2)}x; ${goal(grows < 1.5, 'does not grow')}), ` +
      `baseline ${(bytes(small.lowdb) / 1024).toFixed(1)} vs ${(bytes(large.lowdb) / 1024).toFixed(1)}`,
  )
  console.log(
    'baselines: open = readFile + JSON.parse of the v1 notebook.json; save = lowdb Low + JSONFile (lowdb/node) ' +
      'rewriting that file, its first write right after its read; memory = lowdb read of it; each in the same run',
  )
}

export async function benchStorage(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'corroborate-storage-bench-'))
  try {
    console.log(
      `\nstorage: ${LARGE.sources} sources (~5 KB texts), ${LARGE.sources * LARGE.annotationsPerSource} annotations`,
    )
    const large = await measure(root, LARGE)
    const memory = {
      store: await memoryAfterOpen('store', join(root, `notebook-${LARGE.sources}`)),
      lowdb: await memoryAfterOpen('lowdb', join(root, `baseline-${LARGE.sources}`, 'notebook.json')),
    }
    const small = await measure(root, SMALL)
    console.log(
      `v1 notebook.json: ${mb(large.v1Bytes).toFixed(1)} MB (${mb(small.v1Bytes).toFixed(1)} MB at ${SMALL.sources} sources)`,
    )
    report(large, small, memory)
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}
