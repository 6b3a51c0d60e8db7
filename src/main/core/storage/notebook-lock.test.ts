import { mkdir, mkdtemp, rm, utimes } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LOCK_NAME } from './layout'
import { lockNotebook } from './notebook-lock'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corroborate-lock-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('the notebook lock', () => {
  it('stays held across several refreshes (nothing it writes looks like another holder)', async () => {
    const lost: Error[] = []
    const lock = await lockNotebook(dir, (error) => lost.push(error), undefined, {
      stale: 2000,
      update: 1000,
    })
    expect(lock.held).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 2600))
    expect(lost).toEqual([])
    const second = await lockNotebook(dir, () => {})
    expect(second).toMatchObject({ held: false, owner: { pid: process.pid } })
    if (lock.held) await lock.release()
    const third = await lockNotebook(dir, () => {})
    expect(third.held).toBe(true)
    if (third.held) await third.release()
  })

  it('takes over a lock whose holder died before writing who it is', async () => {
    await mkdir(join(dir, LOCK_NAME))
    const longAgo = new Date(Date.now() - 10_000)
    await utimes(join(dir, LOCK_NAME), longAgo, longAgo)
    const lock = await lockNotebook(dir, () => {})
    expect(lock.held).toBe(true)
    if (lock.held) await lock.release()
  })

  it('gives a lock back to its own holder by token, and to nobody else', async () => {
    const lock = await lockNotebook(dir, () => {})
    if (!lock.held) throw new Error('not held')
    expect((await lockNotebook(dir, () => {}, 'some other token')).held).toBe(false)
    const reclaimed = await lockNotebook(dir, () => {}, lock.token)
    expect(reclaimed.held).toBe(true)
    if (reclaimed.held) await reclaimed.release()
  })
})
