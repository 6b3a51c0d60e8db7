/**
 * Native modules (`.node` files) in a packed app. npm installs only the build machine's binary of a
 * native dependency (its other platforms' optional packages are skipped), so a package built on one
 * machine ships one platform's binary and fails on the others: the macOS build for the other
 * architecture, Windows on ARM. So none may ship unless it is allowed here, with why, and offers a
 * prebuilt binary for every target the app is released for.
 */

/** What the app is released for (electron-builder.ts; arm64 Windows and Linux from source builds). */
export const TARGETS = [
  'win32-x64',
  'win32-arm64',
  'darwin-x64',
  'darwin-arm64',
  'linux-x64',
  'linux-arm64',
] as const
export type Target = (typeof TARGETS)[number]

/**
 * Native packages allowed to ship, by name, each with the reason. Empty: the app needs none.
 * pdf.js's @napi-rs/canvas (rendering only; text extraction runs on a pure-JS DOMMatrix) and
 * piscina's @napi-rs/nice (thread priorities, unused) are left out by PACKAGED_FILES.
 */
export const ALLOWED_NATIVE: Readonly<Record<string, string>> = {}

/** `skia.linux-x64-gnu.node`, `canvas-darwin-arm64`, `win32-x64-msvc` → the target, or null. */
export function targetOf(name: string): Target | null {
  const match = /(?:^|[./_-])(win32|darwin|linux)-(x64|arm64)(?=$|[./_-])/.exec(name)
  return match ? (`${match[1]}-${match[2]}` as Target) : null
}

/** The innermost package a path inside node_modules lies in, or null outside node_modules. */
export function packageOf(path: string): string | null {
  const at = path.lastIndexOf('node_modules/')
  if (at < 0) return null
  const [first, second] = path.slice(at + 'node_modules/'.length).split('/')
  if (!first) return null
  return first.startsWith('@') ? `${first}/${second}` : first
}

/** `@napi-rs/canvas-linux-x64-gnu` → `@napi-rs/canvas`: the package a platform binary belongs to. */
export function basePackage(name: string): string {
  return name.replace(/-(win32|darwin|linux|android|freebsd|openharmony)-[a-z0-9]+(-[a-z0-9]+)?$/, '')
}

/** Which targets a native package offers a prebuilt binary for, read from its optional platform packages. */
export function targetsOffered(optionalDependencies: Record<string, string> = {}): Target[] {
  const offered = new Set(
    Object.keys(optionalDependencies)
      .filter((name) => !/-musl$/.test(name)) // Alpine's libc: not what desktop Linux runs
      .map((name) => targetOf(name.split('/').pop() ?? ''))
      .filter((target): target is Target => target !== null),
  )
  return TARGETS.filter((target) => offered.has(target))
}

export interface NativeFile {
  /** As in the app: `app.asar/…` or `app.asar.unpacked/…`. */
  path: string
  package: string
  /** The package its binary belongs to (a platform package's parent). */
  base: string
  target: Target | null
}

export function describeNativeFiles(paths: readonly string[]): NativeFile[] {
  return paths
    .filter((path) => path.endsWith('.node'))
    .map((path) => {
      const pkg = packageOf(path) ?? '(the app itself)'
      const fileName = path.split('/').pop() ?? ''
      return { path, package: pkg, base: basePackage(pkg), target: targetOf(fileName) ?? targetOf(pkg) }
    })
}

/** What must not ship: a native file whose package is not allowed. */
export function disallowedNativeFiles(files: readonly NativeFile[]): NativeFile[] {
  return files.filter((file) => ALLOWED_NATIVE[file.base] === undefined)
}
