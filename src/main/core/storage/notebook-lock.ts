/**
 * One writer per notebook: a lock (proper-lockfile: a folder created atomically, its mtime kept
 * fresh while held, so a lock whose owner vanished goes stale even across machines). We add who holds
 * it, so a lock left by a crashed process on this machine is taken over at once rather than after
 * the stale timeout, and a refusal can say which process has the notebook open.
 */
import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import lockfile from 'proper-lockfile'
import { LOCK_NAME } from './layout'

export interface LockOwner {
  pid: number
  host: string
  since: string
  /** Names one holding, so its holder (and only it) can take a lock back it was reported to lose. */
  token: string
}

export type LockResult =
  { held: true; token: string; release(): Promise<void> } | { held: false; owner: LockOwner | null }

const OWNER_FILE = 'owner.json'

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function readOwner(lockDir: string): Promise<LockOwner | null> {
  try {
    return JSON.parse(await readFile(join(lockDir, OWNER_FILE), 'utf8')) as LockOwner
  } catch {
    return null
  }
}

/**
 * Takes the notebook's lock. `onLost` runs if the lock is taken from us later (the folder was
 * removed, or its mtime could not be kept fresh): from then on this process must not write.
 */
export async function lockNotebook(
  dir: string,
  onLost: (error: Error) => void,
  reclaim?: string,
): Promise<LockResult> {
  const lockDir = join(dir, LOCK_NAME)
  const options = {
    lockfilePath: lockDir,
    realpath: false,
    stale: 15_000,
    update: 5_000,
    onCompromised: onLost,
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const release = await lockfile.lock(dir, options)
      const owner: LockOwner = {
        pid: process.pid,
        host: hostname(),
        since: new Date().toISOString(),
        token: randomUUID(),
      }
      await writeFile(join(lockDir, OWNER_FILE), JSON.stringify(owner))
      // proper-lockfile removes its folder with rmdir: take our file out of it first.
      const releaseAll = async () => {
        await rm(join(lockDir, OWNER_FILE), { force: true })
        await release().catch(() => {})
      }
      return { held: true, token: owner.token, release: releaseAll }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error
      const owner = await readOwner(lockDir)
      const crashedHere =
        owner && owner.host === hostname() && owner.pid !== process.pid && !isAlive(owner.pid)
      if (!crashedHere || attempt > 0) return { held: false, owner }
      await rm(lockDir, { recursive: true, force: true })
    }
  }
  return { held: false, owner: null }
}
