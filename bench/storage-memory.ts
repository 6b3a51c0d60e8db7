/**
 * Child process of the storage benchmark: opens one notebook one way and prints its memory, so each
 * figure comes from a fresh process and no store's garbage counts against another.
 *
 *   node --expose-gc --import tsx bench/storage-memory.ts store <notebook dir>
 *   node --expose-gc --import tsx bench/storage-memory.ts lowdb <v1 notebook.json>
 */
import { JSONFile } from 'lowdb/node'
import { Low } from 'lowdb'
import { NotebookStore } from '../src/main/core/notebook-store'

const [kind, path] = process.argv.slice(2)
if (!path || (kind !== 'store' && kind !== 'lowdb'))
  throw new Error('usage: storage-memory store|lowdb <path>')

let keep: unknown
if (kind === 'store') {
  keep = await NotebookStore.open(path)
} else {
  const db = new Low<unknown>(new JSONFile<unknown>(path), null)
  await db.read()
  keep = db
}
;(globalThis as { gc?: () => void }).gc?.()
const { heapUsed, rss } = process.memoryUsage()
process.stdout.write(`${JSON.stringify({ heapUsed, rss, opened: keep !== undefined })}\n`)
await (keep as { close?: () => Promise<void> }).close?.()
