/**
 * The pure parts of `ensure-electron.ts`: which Node is too old, where the download comes from, how a
 * proxy set for npm reaches the download, and the one message a failed download prints.
 */

type Env = Readonly<Record<string, string | undefined>>

/** Where @electron/get downloads from by default (its `BASE_URL`). */
const GITHUB_RELEASES = 'https://github.com/electron/electron/releases/download/'

/**
 * The minimum Node (`22.12.0`) a `>=` engine range asks for when `nodeVersion` is older, else null.
 * Electron declares a plain `>= X.Y.Z`; any other range form is not judged here (null).
 */
export function nodeTooOld(nodeVersion: string, engineRange: string): string | null {
  const minimum = /^\s*>=\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(engineRange)
  const current = /^v?(\d+)\.(\d+)\.(\d+)/.exec(nodeVersion)
  if (!minimum || !current) return null
  const need = [1, 2, 3].map((i) => Number(minimum[i] ?? 0))
  const have = [1, 2, 3].map((i) => Number(current[i]))
  const differs = need.findIndex((part, i) => part !== have[i])
  return differs >= 0 && (have[differs] ?? 0) < (need[differs] ?? 0) ? need.join('.') : null
}

/** The mirror @electron/get will use: its own precedence (npm config, package config, env). */
export function electronMirror(env: Env): string {
  return (
    env['npm_config_electron_mirror'] ||
    env['NPM_CONFIG_ELECTRON_MIRROR'] ||
    env['npm_package_config_electron_mirror'] ||
    env['ELECTRON_MIRROR'] ||
    GITHUB_RELEASES
  )
}

/**
 * The environment for electron's installer: @electron/get uses a proxy only when
 * `ELECTRON_GET_USE_PROXY` is set and reads only `HTTP(S)_PROXY`/`NO_PROXY`, so a proxy given to npm
 * (`npm config set https-proxy …`, which npm passes to scripts as `npm_config_https_proxy`) or to the
 * shell is switched on here rather than ignored.
 */
export function installerEnv(env: Env): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = { ...env }
  const npmHttps = env['npm_config_https_proxy']
  const npmHttp = env['npm_config_proxy']
  const npmNoProxy = env['npm_config_noproxy']
  if (npmHttps && !env['HTTPS_PROXY'] && !env['https_proxy']) out['HTTPS_PROXY'] = npmHttps
  if (npmHttp && !env['HTTP_PROXY'] && !env['http_proxy']) out['HTTP_PROXY'] = npmHttp
  if (npmNoProxy && !env['NO_PROXY'] && !env['no_proxy']) out['NO_PROXY'] = npmNoProxy
  const proxied = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].some((key) => out[key])
  if (proxied && !out['ELECTRON_GET_USE_PROXY']) out['ELECTRON_GET_USE_PROXY'] = '1'
  return out
}

/**
 * The line of the installer's output that names the error (it prints a whole stack): the first line
 * that looks like `SomeError: …`, else the first line that is not a Node warning.
 */
export function firstErrorLine(stderr: string): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
  const named = lines.find((line) => /^[A-Za-z]*Error\b/.test(line))
  return named ?? lines.find((line) => !line.startsWith('(node:')) ?? '(no error output)'
}

export interface InstallFailure {
  version: string
  target: string
  mirror: string
  error: string
}

/** The one message a failed download prints: what failed, and each way to fix it. */
export function installFailureMessage({ version, target, mirror, error }: InstallFailure): string {
  return [
    `Could not get Electron ${version} (${target}), which \`npm start\` and \`npm run dev\` need.`,
    `  Downloading from ${mirror} failed: ${error}`,
    'To fix it, do one of these, then run `npm start` again (or `npx install-electron` to only download):',
    '  - be online; where GitHub is blocked, set ELECTRON_MIRROR to a mirror of its releases, e.g.',
    '      ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ npm start',
    '  - behind a proxy: set HTTPS_PROXY=http://host:port (or `npm config set https-proxy http://host:port`)',
    '  - use an Electron you already have: set ELECTRON_EXEC_PATH to its executable',
  ].join('\n')
}

/** The warning for a Node older than electron's declared engine (the download may still work). */
export function nodeTooOldWarning(nodeVersion: string, electronVersion: string, minimum: string): string {
  return (
    `Warning: Node ${nodeVersion} is older than the ${minimum} that Electron ${electronVersion}'s installer ` +
    `declares; if the download fails, install Node ${minimum} or newer (https://nodejs.org).`
  )
}
