/** What the app remembers between runs (the last notebook opened), in `state.json` in its data folder. */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { JSONFile } from 'lowdb/node'
import { z } from 'zod'

const AppStateData = z.object({ lastNotebook: z.string().nullable() })
type AppStateData = z.infer<typeof AppStateData>

export class AppState {
  private constructor(private readonly db: Low<AppStateData>) {}

  static async open(dataDir: string): Promise<AppState> {
    await mkdir(dataDir, { recursive: true })
    const db = new Low<AppStateData>(new JSONFile(join(dataDir, 'state.json')), { lastNotebook: null })
    try {
      await db.read()
      db.data = AppStateData.parse(db.data)
    } catch {
      // A damaged state file only costs the "last opened" memory: start afresh rather than fail.
      db.data = { lastNotebook: null }
    }
    return new AppState(db)
  }

  get lastNotebook(): string | null {
    return this.db.data.lastNotebook
  }

  async remember(notebookDir: string): Promise<void> {
    this.db.data.lastNotebook = notebookDir
    await this.db.write()
  }
}
