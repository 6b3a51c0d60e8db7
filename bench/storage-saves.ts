/**
 * Child process of the storage benchmark: opens one notebook one way, then saves one annotation's
 * comment after another and prints the figures, so the first save is a session's first in a fresh
 * process (no garbage of the benchmark's other work left for the collector to charge it with).
 *
 *   node --import tsx bench/storage-saves.ts store <notebook dir> <max saves> <budget ms>
 *   node --import tsx bench/storage-saves.ts lowdb <v1 notebook.json> <max saves> <budget ms>
 */
import { JSONFile } from 'lowdb/node'
import { Low } from 'lowdb'
import { updateAnnotation } from '../src/main/core/annotations'
import { NotebookStore } from '../src/main/core/notebook-store'
import { measureSaves, type SaveFigures } from './storage-probes'
import type { V1Notebook } from './storage-fixture'

const [kind, path, maxSaves, budgetMs] = process.argv.slice(2)
if (!path || (kind !== 'store' && kind !== 'lowdb'))
  throw new Error('usage: storage-saves store|lowdb <path> <max saves> <budget ms>')
const limits = { maxSaves: Number(maxSaves), budgetMs: Number(budgetMs) }
const comment = (i: number) => `Edited while reading (${i})`

let figures: SaveFigures
let backupAfterMs = 0
if (kind === 'store') {
  const store = await NotebookStore.open(path)
  if (store.status.readOnly) throw new Error(`the store opened read-only: ${store.status.readOnly}`)
  const ids = store.data.annotations.map((a) => a.id)
  figures = await measureSaves(
    (i) => updateAnnotation(store, ids[i % ids.length]!, { comment: comment(i) }),
    limits,
  )
  const started = performance.now()
  const [newest] = await store.backups()
  backupAfterMs = performance.now() - started
  if (newest?.kind !== 'auto') throw new Error('the session took no backup')
  await store.close()
} else {
  const db = new Low<V1Notebook | null>(new JSONFile<V1Notebook | null>(path), null)
  await db.read()
  const annotations = db.data!.annotations
  figures = await measureSaves(async (i) => {
    annotations[i % annotations.length]!.comment = comment(i)
    await db.write()
  }, limits)
}
process.stdout.write(`${JSON.stringify({ ...figures, backupAfterMs })}\n`)
