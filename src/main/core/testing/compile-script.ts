/**
 * Test helper: bundles a TypeScript entry point (and everything it imports, node_modules included)
 * into one plain ESM file, so a test can spawn it hundreds of times at plain-Node start-up cost
 * (~50-100 ms) instead of paying tsx's TypeScript loader on every spawn.
 */
import { join } from 'node:path'
import { build } from 'esbuild'

export async function compileScript(entry: string, outDir: string): Promise<string> {
  const outfile = join(outDir, 'script.mjs')
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Minified: less to parse on each of the hundreds of start-ups.
    minify: true,
    logLevel: 'error',
    // Bundled CommonJS packages call require(); an ES module has none unless we make one.
    banner: {
      js: "import { createRequire as __require } from 'node:module'; const require = __require(import.meta.url);",
    },
  })
  return outfile
}
