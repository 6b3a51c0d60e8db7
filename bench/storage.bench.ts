/**
 * Storage: a notebook of 10,000 sources (~5 KB texts) and 100,000 annotations, generated in the
 * v1 single-file format and opened once untimed (a newer store migrates it then). Measured beside
 * baselines from the same run: opening to usable vs a raw JSON.parse of the v1 file; saving one
 * annotation's comment (latency, bytes written, event-loop stall) vs lowdb's own JSONFile on a copy
 * of that file; memory after open, each in a fresh process; and bytes per save at 1,000 sources,
 * to show whether a save grows with the notebook. Generated data lives in a temp dir, removed after.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { JSONFile } from 'lowdb/node'
import { updateAnnotation } from '../src/main/core/annotations'
import { NotebookStore } from '../src/main/core/notebook-store'
import { writeV1Notebook, type FixtureSize, type V1Notebook } from './storage-fixture'
import { measureSaves, memoryAfterOpen, type SaveFigures } from './storage-probes'
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
  store: SaveFigures
  lowdb: SaveFigures
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
  let store: NotebookStore | null = null
  for (let run = 0; run < OPEN_RUNS && (run === 0 || opens.reduce((a, b) => a + b) < OPEN_BUDGET_MS); run++) {
    if (store) await store.close()
    const [opened, ms] = await timeMs(async () => {
      const s = await NotebookStore.open(dir)
      if (s.data.annotations.length !== data.annotations.length) throw new Error('store lost annotations')
      return s
    })
    store = opened
    opens.push(ms)
  }
  const parses: number[] = []
  for (let run = 0; run < opens.length; run++)
    parses.push((await timeMs(async () => JSON.parse(await readFile(v1Copy, 'utf8')) as unknown))[1])

  const ids = data.annotations.map((a) => a.id)
  const live = await writable(store!)
  const storeSaves = await measureSaves(
    (i) =>
      updateAnnotation(live, ids[(i + ids.length) % ids.length]!, { comment: `Edited while reading (${i})` }),
    SAVES,
  )
  await live.close()

  const db = new Low<V1Notebook | null>(new JSONFile<V1Notebook | null>(v1Copy), null)
  await db.read()
  const lowdbSaves = await measureSaves(async (i) => {
    db.data!.annotations[(i + ids.length) % ids.length]!.comment = `Edited while reading (${i})`
    await db.write()
  }, SAVES)
  return { v1Bytes, openMs: median(opens), parseMs: median(parses), store: storeSaves, lowdb: lowdbSaves }
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
    'save median, ms',
    storeMedian,
    lowdbMedian,
    goal(
      storeMedian < 10 && lowdbMedian / storeMedian >= 50,
      `< 10 ms, ≥ 50x faster (${(lowdbMedian / storeMedian).toFixed(1)}x)`,
    ),
  )
  line('save p95, ms', percentile(store.times, 95), percentile(lowdb.times, 95))
  console.log(row(['saves measured', String(store.times.length), String(lowdb.times.length), '', ''], widths))
  line('KB written per save', bytes(store) / 1024, bytes(lowdb) / 1024)
  line('longest loop stall, ms', store.stallMs, lowdb.stallMs, goal(store.stallMs < 16, '< 16 ms'))
  line('heapUsed after open, MB', mb(memory.store.heapUsed), mb(memory.lowdb.heapUsed))
  line('rss after open, MB', mb(memory.store.rss), mb(memory.lowdb.rss))
  const grows = bytes(large.store) / bytes(small.store)
  console.log(
    `KB written per save at ${SMALL.sources} vs ${LARGE.sources} sources: store ${(bytes(small.store) / 1024).toFixed(1)} vs ` +
      `${(bytes(large.store) / 1024).toFixed(1)} (${grows.toFixed(2)}x; ${goal(grows < 1.5, 'does not grow')}), ` +
      `baseline ${(bytes(small.lowdb) / 1024).toFixed(1)} vs ${(bytes(large.lowdb) / 1024).toFixed(1)}`,
  )
  console.log(
    'baselines: open = readFile + JSON.parse of the v1 notebook.json; save = lowdb Low + JSONFile (lowdb/node) ' +
      'rewriting that file; memory = lowdb read of it; each in the same run',
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
