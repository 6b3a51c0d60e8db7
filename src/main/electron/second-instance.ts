/**
 * What a second launch asked for. It passes its own argv and working folder as the single-instance
 * lock's `additionalData` (Electron warns that the `argv` the first instance receives may be
 * reordered or carry extra switches); the received argv is the fallback.
 */
import { parseLaunchTarget, type LaunchTarget } from './launch-args'

export function launchTargetOf(
  additionalData: unknown,
  argv: readonly string[],
  cwd: string,
  isPackaged: boolean,
): LaunchTarget | null {
  const data = additionalData as { argv?: unknown; cwd?: unknown } | null
  if (
    data &&
    Array.isArray(data.argv) &&
    data.argv.every((a) => typeof a === 'string') &&
    typeof data.cwd === 'string'
  )
    return parseLaunchTarget(data.argv as string[], data.cwd, isPackaged)
  return parseLaunchTarget(argv, cwd, isPackaged)
}
