/**
 * Which packages ship, found two ways: the production dependency tree, which electron-builder copies
 * into app.asar's node_modules (walked here as Node resolves it, minus what PACKAGED_FILES leaves
 * out), and the modules that Vite bundled into the app's own code (the renderer bundles React and
 * its other libraries, which are devDependencies because nothing loads them from node_modules).
 */
import { existsSync, readFileSync } from 'node:fs'
import { basename, dirname, join, sep } from 'node:path'

export interface Manifest {
  name?: string
  version?: string
  license?: unknown
  licenses?: unknown
  repository?: unknown
  homepage?: unknown
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  peerDependenciesMeta?: Record<string, { optional?: boolean }>
}

export function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest
}

/** `!node_modules/@napi-rs/**` in electron-builder's `files` → '@napi-rs': a scope or a package. */
export function excludedByFilePatterns(patterns: readonly string[]): string[] {
  return patterns.flatMap((pattern) => {
    const match = /^!node_modules\/((?:@[^/*]+\/)?[^/*]+|@[^/*]+)\/\*\*$/.exec(pattern)
    return match ? [match[1]!] : []
  })
}

function isExcluded(name: string, excluded: readonly string[]): boolean {
  return excluded.some((prefix) => name === prefix || name.startsWith(`${prefix}/`))
}

/** The folder Node would load `name` from, starting in `from`, never looking above `root`. */
function resolvePackage(name: string, from: string, root: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    if (basename(dir) !== 'node_modules') {
      const candidate = join(dir, 'node_modules', name)
      if (existsSync(join(candidate, 'package.json'))) return candidate
    }
    if (dir === root || dirname(dir) === dir) return null
  }
}

/**
 * Every package folder the production tree reaches from `root`'s package.json: dependencies,
 * installed optional dependencies and installed peers not marked optional, transitively: what
 * electron-builder packs (verify:package compares the two). A required dependency that is
 * missing is an error: the app would not run either.
 */
export function productionPackageDirs(root: string, excluded: readonly string[] = []): string[] {
  const found = new Set<string>()
  const queue = [root]
  while (queue.length > 0) {
    const dir = queue.shift()!
    const manifest = readManifest(dir)
    const wanted = [
      ...Object.keys(manifest.dependencies ?? {}).map((name) => ({ name, required: true })),
      ...Object.keys(manifest.optionalDependencies ?? {}).map((name) => ({ name, required: false })),
      // Peers, unless marked optional: electron-builder leaves optional peers out even when installed.
      ...Object.keys(manifest.peerDependencies ?? {})
        .filter((name) => !manifest.peerDependenciesMeta?.[name]?.optional)
        .map((name) => ({ name, required: false })),
    ]
    for (const { name, required } of wanted) {
      if (isExcluded(name, excluded)) continue
      const at = resolvePackage(name, dir, root)
      if (!at) {
        const optional = manifest.optionalDependencies?.[name] !== undefined
        if (required && !optional) throw new Error(`${name}, needed by ${dir}, is not installed`)
        continue
      }
      if (!found.has(at)) {
        found.add(at)
        queue.push(at)
      }
    }
  }
  return [...found].sort()
}

/**
 * The package folder a bundled module's file lies in (`…/node_modules/@scope/name` or
 * `…/node_modules/name`), or null for the app's own code and the bundler's virtual modules.
 */
export function packageDirOfModule(id: string): string | null {
  const path = id.replace(/^\0/, '').replace(/[?#].*$/, '')
  const marker = `${sep}node_modules${sep}`
  const at = path.lastIndexOf(marker)
  if (at < 0) return null
  const [first, second] = path.slice(at + marker.length).split(sep)
  if (!first || (first.startsWith('@') && !second)) return null
  return path.slice(0, at + marker.length) + (first.startsWith('@') ? `${first}${sep}${second}` : first)
}
