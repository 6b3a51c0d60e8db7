/**
 * Reads what a notebook folder holds on disk, without taking its lock or writing anything: for
 * checks that must see the files themselves rather than a store's memory (tests, benchmarks).
 */
import { readFile } from 'node:fs/promises'
import type { NotebookData } from '../../../shared/model'
import { absolute, MANIFEST_FILE } from './layout'
import { loadRecords, type LoadedRecords } from './load-records'
import { readV1 } from './migrate-v1'
import { ManifestFile } from './record-files'

export async function readNotebookFolder(dir: string): Promise<NotebookData> {
  return (await readNotebookRecords(dir)).data
}

export async function readNotebookRecords(dir: string): Promise<LoadedRecords> {
  const raw: unknown = JSON.parse(await readFile(absolute(dir, MANIFEST_FILE), 'utf8'))
  const manifest = ManifestFile.parse(raw)
  if (manifest.schemaVersion === 1) {
    const { data, reasons } = readV1(raw)
    const setAside = reasons.length ? [{ file: MANIFEST_FILE, reasons, key: null }] : []
    return { data, setAside, damaged: [], fingerprints: new Map() }
  }
  return loadRecords(dir, manifest, { mtimeMs: 0, size: 0 })
}
