/**
 * A rename that rides out Windows' transient locks. On Windows a rename over a file fails with
 * EPERM, EBUSY or EACCES while another program has the file open without sharing delete access:
 * antivirus scanners, the search indexer and OneDrive all do, for a moment, right after a file is
 * written. write-file-atomic (through graceful-fs) retries such renames; so do we, briefly (about
 * 1.5 s in all) and only on Windows, where those codes mean "try again". Elsewhere, and for any
 * other error, the first failure is the answer.
 */
import { rename as fsRename } from 'node:fs/promises'

/** The waits between attempts: short at first (most locks last milliseconds), about 1.5 s in all. */
export const RENAME_RETRY_DELAYS_MS = [10, 20, 40, 80, 160, 320, 400, 500] as const

const TRANSIENT_ON_WINDOWS = new Set(['EPERM', 'EBUSY', 'EACCES'])

export interface RenameRetryOptions {
  platform?: NodeJS.Platform
  /** The rename to attempt (tests pass one that fails first). */
  rename?: (from: string, to: string) => Promise<void>
  /** How to wait between attempts. */
  sleep?: (ms: number) => Promise<void>
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export function isTransientRenameError(error: unknown, platform: NodeJS.Platform): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code
  return platform === 'win32' && typeof code === 'string' && TRANSIENT_ON_WINDOWS.has(code)
}

/** Renames `from` to `to`, retrying a transient Windows lock; throws the last error if it persists. */
export async function renameWithRetry(
  from: string,
  to: string,
  { platform = process.platform, rename = fsRename, sleep = wait }: RenameRetryOptions = {},
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to)
      return
    } catch (error) {
      const delay = RENAME_RETRY_DELAYS_MS[attempt]
      if (delay === undefined || !isTransientRenameError(error, platform)) throw error
      await sleep(delay)
    }
  }
}
