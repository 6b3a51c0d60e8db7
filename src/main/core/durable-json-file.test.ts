import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DurableJsonFile } from './durable-json-file'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corroborate-durable-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('DurableJsonFile', () => {
  it('reads null for a missing file and round-trips data as pretty JSON', async () => {
    const file = new DurableJsonFile<{ n: number }>(join(dir, 'a.json'))
    expect(await file.read()).toBeNull()
    await file.write({ n: 1 })
    expect(await readFile(join(dir, 'a.json'), 'utf8')).toBe('{\n  "n": 1\n}\n')
    expect(await file.read()).toEqual({ n: 1 })
    expect(await readdir(dir)).toEqual(['a.json'])
  })

  it('coalesces saves made while one is in flight, and every caller learns when its data is on disk', async () => {
    const path = join(dir, 'b.json')
    const file = new DurableJsonFile<{ n: number }>(path)
    const saves = Array.from({ length: 50 }, (_, n) => file.write({ n }))
    await Promise.all(saves)
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ n: 49 })
    // No temp file is left behind.
    expect(await readdir(dir)).toEqual(['b.json'])
  })

  it('reports a failed save to its caller and leaves the old file whole', async () => {
    const path = join(dir, 'c.json')
    await writeFile(path, '{"n":0}')
    const file = new DurableJsonFile<unknown>(path)
    const circular: Record<string, unknown> = {}
    circular['self'] = circular
    await expect(file.write(circular)).rejects.toThrow()
    expect(await readFile(path, 'utf8')).toBe('{"n":0}')
    expect(await readdir(dir)).toEqual(['c.json'])
  })
})
