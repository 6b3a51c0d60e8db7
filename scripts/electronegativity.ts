/**
 * Runs Doyensec's Electronegativity over the app's sources (main, preload, renderer) as part of
 * `npm run lint`, offline, and fails on any finding that is not explained, whatever its severity:
 * the tool rates some real mistakes low (`nodeIntegration: true` is INFORMATIONAL, `webSecurity:
 * false` MEDIUM), so "high only" would let them through.
 *
 * A finding is explained either inline, by an `eng-disable CHECK_ID` comment beside the code with
 * the reason, or here, in EXCLUDED_CHECKS with the reason. docs/security.md keeps the same list.
 *
 *   node --import tsx scripts/electronegativity.ts [input folder, default src]
 */
import { createRequire } from 'node:module'
import { join, relative, resolve } from 'node:path'

const ROOT = join(import.meta.dirname, '..')

/** Checks left out of every run (by class name, as Electronegativity names them), with why. */
export const EXCLUDED_CHECKS: Record<string, string> = {
  AvailableSecurityFixesGlobalCheck:
    'fetches the list of Electron releases from the network, and lint runs offline; upgrading Electron is a release step (docs/releasing.md).',
  CSPGlobalCheck:
    'cannot see our CSP: it is a response header built from src/shared/csp.ts (renderer-headers.ts) and a meta tag added at build time; both are tested (renderer-headers.test.ts, e2e/electron/security.spec.ts).',
}

type Level = { value: number; name: string }
interface Issue {
  id: string
  file: string
  location: { line: number; column: number }
  severity: Level
  confidence: Level
  description: string
  manualReview?: boolean
}

const require = createRequire(
  join(ROOT, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'runner.js'),
)

/** Electronegativity fetches translations over the network first; answer "offline" at once instead. */
function stubTranslationFetch(): void {
  const gotPath = require.resolve('got', { paths: [require.resolve('./locales/i18n.js')] })
  const offline = () => Promise.reject(new Error('offline'))
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline } as NodeJS.Module
}

async function main(): Promise<void> {
  const input = resolve(ROOT, process.argv[2] ?? 'src')
  stubTranslationFetch()
  const run = require('./runner.js') as (
    options: object,
    forCli: boolean,
  ) => Promise<{ issues: Issue[]; errors: unknown[] }>
  const electronVersion = (
    require(join(ROOT, 'node_modules', 'electron', 'package.json')) as { version: string }
  ).version
  const log = console.log
  console.log = () => {} // the runner prints a translation notice even when asked not to
  let result: { issues: Issue[]; errors: unknown[] }
  try {
    result = await run(
      {
        input,
        isRelative: true,
        isVerbose: false,
        customScan: [],
        excludeFromScan: Object.keys(EXCLUDED_CHECKS).map((name) => name.toLowerCase()),
        electronVersionOverride: electronVersion,
        parserPlugins: [],
      },
      false,
    )
  } finally {
    console.log = log
  }

  const where = (i: Issue) =>
    `${relative(ROOT, resolve(input, i.file))}:${i.location.line}:${i.location.column}`
  for (const i of result.issues)
    console.error(
      `${i.severity.name.padEnd(13)} ${i.id} (${i.confidence.name}) ${where(i)}: ${i.description}`,
    )
  if (result.errors.length > 0)
    console.log(`electronegativity could not parse ${result.errors.length} file(s)`)
  if (result.issues.length > 0) {
    console.error(
      `\nelectronegativity: ${result.issues.length} unexplained finding(s). Fix them, or explain a false positive with an eng-disable comment and a line in docs/security.md.`,
    )
    process.exit(1)
  }
  console.log(`electronegativity: no unexplained finding in ${relative(ROOT, input) || '.'}`)
}

await main()
