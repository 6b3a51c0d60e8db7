/**
 * Cold start: a new Node process that loads main's core and IPC handlers, bundled as the app bundles
 * them (packages left to node_modules), and opens the sample notebook — beside a bare `node -e 0`
 * started in the same run, turn about. Also the first start, which builds the sample notebook, and
 * what importing compromise alone costs (the start no longer pays it).
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { build } from 'esbuild'
import { median, row, timeMs } from './stats'

const RUNS = Number(process.env['COLD_START_RUNS'] ?? 7)
const GOAL_RATIO = 2
const REPO = resolve(import.meta.dirname, '..')
// Inside node_modules, so the bundle finds the packages it leaves out, as out/main/index.js does.
const BUILD_DIR = join(REPO, 'node_modules', '.cache', 'corroborate-bench')

/** Opens the sample notebook (building it on a first start); with `withHandlers`, main's IPC handlers load too. */
const entry = (withHandlers: boolean) => `
import { NotebookSession } from ${JSON.stringify(join(REPO, 'src/main/core/notebook-session.ts'))}
${withHandlers ? `import { createHandlers } from ${JSON.stringify(join(REPO, 'src/main/api/handlers.ts'))}` : 'const createHandlers = () => {}'}
const [dataDir, sampleDir] = process.argv.slice(2)
const session = await NotebookSession.start({ dataDir, sampleDir })
if (session.store.data.sources.length === 0 || typeof createHandlers !== 'function') process.exit(1)
await session.close()
`

async function bundle(name: string, code: string): Promise<string> {
  await mkdir(BUILD_DIR, { recursive: true })
  const entryFile = join(BUILD_DIR, `${name}.ts`)
  const outfile = join(BUILD_DIR, `${name}.mjs`)
  await writeFile(entryFile, code)
  await build({
    entryPoints: [entryFile],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  })
  return outfile
}

const run = (args: string[]) => timeMs(() => promisify(execFile)(process.execPath, args, { cwd: REPO }))

export async function benchColdStart(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'corroborate-cold-start-'))
  try {
    const core = await bundle('cold-start-core', entry(false))
    const withHandlers = await bundle('cold-start-handlers', entry(true))
    const dataDir = join(dir, 'userData')
    const sampleDir = join(REPO, 'resources', 'sample')
    const [, firstMs] = await run([core, dataDir, sampleDir])
    const times = {
      bare: [] as number[],
      core: [] as number[],
      handlers: [] as number[],
      nlp: [] as number[],
    }
    for (let i = 0; i < RUNS; i++) {
      times.bare.push((await run(['-e', '0']))[1])
      times.core.push((await run([core, dataDir, sampleDir]))[1])
      times.handlers.push((await run([withHandlers, dataDir, sampleDir]))[1])
      times.nlp.push((await run(['--input-type=module', '-e', "await import('compromise')"]))[1])
    }
    const bareMs = median(times.bare)
    const coreMs = median(times.core)
    const ratio = (ms: number) => `${(ms / bareMs).toFixed(1)}x`
    const widths = [56, 10, 14]
    console.log(
      `\ncold start: medians of ${RUNS} runs, each a new process ` +
        `(machine load ${loadavg()
          .map((n) => n.toFixed(1))
          .join(' ')})`,
    )
    console.log(row(['', 'ms', 'vs bare node'], widths))
    console.log(row(['bare node -e 0 (baseline)', bareMs, '1x'], widths))
    console.log(row(['the core opens the sample notebook', coreMs, ratio(coreMs)], widths))
    const handlersMs = median(times.handlers)
    console.log(row(["  the same with main's IPC handlers loaded", handlersMs, ratio(handlersMs)], widths))
    console.log(row(['  first start: builds the sample notebook (once)', firstMs, ratio(firstMs)], widths))
    const nlpMs = median(times.nlp)
    console.log(row(['  for scale: node importing compromise alone', nlpMs, ratio(nlpMs)], widths))
    console.log(`goal: the core's start at most ${GOAL_RATIO}x a bare node start (${ratio(coreMs)})`)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
