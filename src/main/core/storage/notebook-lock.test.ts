import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
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
})
