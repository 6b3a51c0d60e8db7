/**
 * A worker whose module throws while loading (a missing native module, a bad build) never takes a
 * task, and Piscina then stops starting workers. The pool must fail what waits, at once and with the
 * reason, rather than leave it waiting for its time limit; and it must try again on the next task.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { ExtractorPool } from './extractor-pool'

let dir = ''
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corroborate-pool-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const HOUR = 60 * 60_000

it('fails tasks at once, with the reason, when the worker cannot load', { timeout: 120_000 }, async () => {
  const worker = join(dir, 'worker.mjs')
  await writeFile(worker, 'throw new ReferenceError("DOMMatrix is not defined")\n')
  // Limits of an hour: only the start failure can end these tasks within the test's time.
  const pool = new ExtractorPool({ timeoutMs: HOUR, memoryMb: 256 }, worker)
  try {
    await expect(pool.extract({ name: 'a.html', bytes: new Uint8Array(1) })).rejects.toMatchObject({
      code: 'unreadable',
      message: 'a.html could not be read: the import worker did not start (DOMMatrix is not defined)',
    })
    await expect(pool.runConflicts([])).rejects.toMatchObject({
      code: 'analysis-failed',
      message: 'The conflict finder stopped: the import worker did not start (DOMMatrix is not defined)',
    })

    // Mended on disk, the next task gets a new pool and runs.
    await writeFile(worker, 'export default (request) => ({ ok: true, value: request.name })\n')
    await expect(pool.extract({ name: 'b.html', bytes: new Uint8Array(1) })).resolves.toBe('b.html')
  } finally {
    await pool.close()
  }
})
