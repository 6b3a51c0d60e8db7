/**
 * The write-ahead journal for edits that touch several files: all their new contents go into one
 * file first (written durably, so it is either whole or absent), then each file is replaced, then
 * the journal is removed. A journal found on open means a crash came in between: it is replayed.
 */
import { readFile, rename, rm } from 'node:fs/promises'
import { z } from 'zod'
import { fsyncFolder, writeFileDurably } from './durable-write'
import { absolute, JOURNAL_FILE } from './layout'

export interface JournalEntry {
  /** Relative, `/`-separated path of the file in the notebook folder. */
  path: string
  /** The file's new text, or null to remove it. */
  content: string | null
}

const SAFE_PATH = /^(notebook\.json|(sources|claims|briefs)\/[A-Za-z0-9_-]+\.json)$/
const Journal = z.object({
  writes: z.array(z.object({ path: z.string().regex(SAFE_PATH), content: z.string().nullable() })),
})

export async function writeJournal(dir: string, writes: JournalEntry[]): Promise<void> {
  await writeFileDurably(absolute(dir, JOURNAL_FILE), JSON.stringify({ writes }))
}

/** Replays an interrupted edit; returns whether there was one. A journal that is not whole is kept aside. */
export async function replayJournal(dir: string): Promise<boolean> {
  const file = absolute(dir, JOURNAL_FILE)
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
  let parsed: z.infer<typeof Journal>
  try {
    parsed = Journal.parse(JSON.parse(text))
  } catch {
    await rename(file, `${file}.damaged-${Date.now()}`)
    return false
  }
  for (const { path, content } of parsed.writes) {
    const target = absolute(dir, path)
    if (content === null) await rm(target, { force: true })
    else await writeFileDurably(target, content)
  }
  await rm(file, { force: true })
  await fsyncFolder(dir)
  return true
}
