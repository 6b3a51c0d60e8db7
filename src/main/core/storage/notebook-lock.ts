/**
 * One writer per notebook: a lock (proper-lockfile: a folder created atomically, its mtime kept
 * fresh while held, so a lock whose owner vanished goes stale even across machines). We add who holds
 * it, so a lock left by a crashed process on this machine is taken over at once rather than after
 * the stale timeout, and a refusal can say which process has the notebook open.
 */
import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import lockfile from 'proper-lockfile'
import { LOCK_NAME, LOCK_OWNER_NAME } from './layout'

export interface LockOwner {
  pid: number
  host: string
  since: string
  /** Names one holding, so its holder (and only it) can take a lock back it was reported to lose. */
  token: string
}

export type LockResult =
  { held: true; token: string; release(): Promise<void> } | { held: false; owner: LockOwner | null }

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function readOwner(ownerFile: string): Promise<LockOwner | null> {
  try {
    return JSON.parse(await readFile(ownerFile, 'utf8')) as LockOwner
  } catch {
    return null
  }
}

/** A holder writes its owner file right after taking the lock: a lock still without one is abandoned. */
const OWNERLESS_MS = 2000

/**
 * Whether a lock someone else seems to hold may be taken: its holder crashed on this machine, it is
 * our own lock that proper-lockfile reported lost (`reclaim` is its token), or it has had no owner
 * file for OWNERLESS_MS (its holder was killed between taking the lock and saying who it is).
 */
async function abandoned(
  owner: LockOwner | null,
  lockDir: string,
  ownerFile: string,
  reclaim: string | undefined,
): Promise<boolean> {
  if (owner) {
    if (reclaim !== undefined && owner.token === reclaim) return true
    return owner.host === hostname() && owner.pid !== process.pid && !isAlive(owner.pid)
  }
  const made = await stat(lockDir).then(
    (s) => s.mtimeMs,
    () => null,
  )
  if (made === null) return true
  const wait = made + OWNERLESS_MS - Date.now()
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
  return (await readOwner(ownerFile)) === null
}

/**
 * Takes the notebook's lock. `onLost` runs if the lock is taken from us later (the folder was
 * removed, or its mtime could not be kept fresh): from then on this process must not write.
 */
export async function lockNotebook(
  dir: string,
  onLost: (error: Error) => void,
  reclaim?: string,
  timing: { stale: number; update: number } = { stale: 60_000, update: 10_000 },
): Promise<LockResult> {
  const lockDir = join(dir, LOCK_NAME)
  // Beside the lock folder, not in it: proper-lockfile reads any change of the folder's mtime as
  // another process taking the lock.
  const ownerFile = join(dir, LOCK_OWNER_NAME)
  // A long stale window by default: a main process busy for a while (a slow disk, a loaded machine)
  // must not lose its own lock. A crash on this machine is caught at once by the owner check below.
  const options = { lockfilePath: lockDir, realpath: false, ...timing, onCompromised: onLost }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const release = await lockfile.lock(dir, options)
      const owner: LockOwner = {
        pid: process.pid,
        host: hostname(),
        since: new Date().toISOString(),
        token: randomUUID(),
      }
      await writeFile(ownerFile, JSON.stringify(owner))
      const releaseAll = async () => {
        await release().catch(() => {})
        await rm(ownerFile, { force: true })
      }
      return { held: true, token: owner.token, release: releaseAll }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error
      const owner = await readOwner(ownerFile)
      if (attempt > 0 || !(await abandoned(owner, lockDir, ownerFile, reclaim))) return { held: false, owner }
      await rm(lockDir, { recursive: true, force: true })
    }
  }
  return { held: false, owner: null }
}
