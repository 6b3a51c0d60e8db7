import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RENAME_RETRY_DELAYS_MS, renameWithRetry } from './rename-with-retry'

let dir: string
let from: string
let to: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corroborate-rename-'))
  from = join(dir, '.record.json.tmp')
  to = join(dir, 'record.json')
  await writeFile(from, '{"new":true}')
  await writeFile(to, '{"old":true}')
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

function lockError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: operation not permitted, rename '${from}' -> '${to}'`), {
    code,
    syscall: 'rename',
  })
}

/** The real rename, behind a lock (as an antivirus scanner holds one) for its first `failures` calls. */
function lockedFor(failures: number, code = 'EPERM') {
  const calls: string[] = []
  return {
    calls,
    rename: async (a: string, b: string) => {
      calls.push(a)
      if (calls.length <= failures) throw lockError(code)
      await rename(a, b)
    },
  }
}

/** Records the waits instead of waiting: the test counts attempts, never time. */
function recordedSleep() {
  const waits: number[] = []
  return { waits, sleep: async (ms: number) => void waits.push(ms) }
}

describe('renameWithRetry', () => {
  it.each(['EPERM', 'EBUSY', 'EACCES'])('on Windows, rides out a %s lock that clears', async (code) => {
    const locked = lockedFor(3, code)
    const { waits, sleep } = recordedSleep()
    await renameWithRetry(from, to, { platform: 'win32', rename: locked.rename, sleep })
    expect(await readFile(to, 'utf8')).toBe('{"new":true}')
    expect(locked.calls).toHaveLength(4)
    expect(waits).toEqual(RENAME_RETRY_DELAYS_MS.slice(0, 3))
  })

  it('gives up on a lock that does not clear, after a bounded number of tries and under 2 s of waiting', async () => {
    const locked = lockedFor(Infinity)
    const { waits, sleep } = recordedSleep()
    await expect(
      renameWithRetry(from, to, { platform: 'win32', rename: locked.rename, sleep }),
    ).rejects.toMatchObject({
      code: 'EPERM',
    })
    expect(locked.calls).toHaveLength(RENAME_RETRY_DELAYS_MS.length + 1)
    expect(waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(2000)
    // Nothing was replaced: the old file is intact and the new one still waits beside it.
    expect(await readFile(to, 'utf8')).toBe('{"old":true}')
    expect(await readFile(from, 'utf8')).toBe('{"new":true}')
  })

  it('does not retry off Windows, where EPERM is a real refusal', async () => {
    for (const platform of ['linux', 'darwin'] as const) {
      const locked = lockedFor(1)
      const { waits, sleep } = recordedSleep()
      await expect(
        renameWithRetry(from, to, { platform, rename: locked.rename, sleep }),
      ).rejects.toMatchObject({
        code: 'EPERM',
      })
      expect(locked.calls).toHaveLength(1)
      expect(waits).toEqual([])
    }
  })

  it('does not retry other errors on Windows (a missing file stays missing)', async () => {
    const { waits, sleep } = recordedSleep()
    await expect(
      renameWithRetry(join(dir, 'missing.tmp'), to, { platform: 'win32', sleep }),
    ).rejects.toMatchObject({ code: 'ENOENT' })
    expect(waits).toEqual([])
  })

  it('renames at once when nothing is in the way', async () => {
    await renameWithRetry(from, to)
    expect(await readFile(to, 'utf8')).toBe('{"new":true}')
  })
})
