/**
 * Fuzzes every IPC channel through `dispatch`, the one door Electron's ipcMain and the browser
 * harness both use, on a real notebook: arguments of the wrong types and arity, huge strings, NaN,
 * deep nesting, `__proto__`/`constructor` keys, and valid calls with one field deep inside damaged.
 * Whatever arrives, dispatch must answer (never throw) with a value IPC can carry; a refusal must
 * be `{ok: false, error: {code, message}}` with a readable message and no internal fault, and must
 * leave the notebook folder as it was; and nothing may reach Object.prototype.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHANNELS, type Channel } from '../../shared/ipc/channel-names'
import type { IpcResult } from '../../shared/ipc/result'
import { NotebookData, type Annotation, type BriefDraft, type Claim, type Source } from '../../shared/model'
import { Importer } from '../core/import/importer'
import { NotebookSession } from '../core/notebook-session'
import { NotebookStore } from '../core/notebook-store'
import { hashFolder } from '../core/testing/folder-hash'
import { dispatch } from './dispatch'
import { createHandlers, type Handlers } from './handlers'
import { cancellingShell } from './testing/scripted-shell'
import { corruptAt, corruption, hostileArgs } from './testing/hostile-values'
import { validCalls } from './testing/valid-calls'

const RUNS_PER_CHANNEL = 40
const SEED = 20261201

let root: string
let notebookDir: string
let session: NotebookSession
let handlers: Handlers
let calls: ReturnType<typeof validCalls>
const importer = new Importer()
const tally = { runs: 0, ok: 0, invalidPayload: 0, otherRefusals: 0 }

async function callOk<T>(channel: Channel, args: unknown[]): Promise<T> {
  const result = await dispatch(handlers, channel, args)
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`)
  return result.value as T
}

/**
 * The prototypes a careless merge could reach, each own property by name and value (a replaced
 * toString counts, not only a new key). Checked straight after each call and put back at once if
 * changed, so the failure can still be reported by code that calls toString.
 */
const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype]
// Maps, not objects: a lookup on a polluted plain object would find the pollution.
const cleanPrototypes = PROTOTYPES.map(
  (proto) =>
    new Map(Reflect.ownKeys(proto).map((key) => [key, Object.getOwnPropertyDescriptor(proto, key)!])),
)

function restorePollutedPrototypes(): string[] {
  const changed: string[] = []
  PROTOTYPES.forEach((proto, i) => {
    for (const key of Reflect.ownKeys(proto)) {
      const before = cleanPrototypes[i]!.get(key)
      const now = Object.getOwnPropertyDescriptor(proto, key)!
      if (before && before.value === now.value && before.get === now.get) continue
      changed.push(String(key))
      if (before) Object.defineProperty(proto, key, before)
      else Reflect.deleteProperty(proto, key)
    }
  })
  return changed
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'corroborate-ipc-fuzz-'))
  notebookDir = join(root, 'notebook')
  await mkdir(join(root, 'exports'))
  session = await NotebookSession.onNotebook(notebookDir, join(root, 'userData'))
  handlers = createHandlers(session, cancellingShell(join(root, 'exports')), { importer })
  const seed = '002_a4871556e040079a.txt'
  const text = await readFile(new URL(`../../../resources/sample/${seed}`, import.meta.url), 'utf8')
  const source = await callOk<Source>('sources:importPaste', [{ text, title: 'Seed' }])
  const annotation = await callOk<Annotation>('annotations:create', [
    { sourceId: source.id, kind: 'claim', start: 10, end: 60, comment: 'seed', tags: ['troops'] },
  ])
  const link = { annotationId: annotation.id, stance: 'supports', attributedTo: '' }
  const claim = await callOk<Claim>('claims:create', [{ statement: 'Troops moved', links: [link] }])
  const draft: BriefDraft = {
    id: 'draft-1',
    title: 'Brief',
    bottomLine: 'Likely.',
    citationStyle: 'chicago',
    sections: [
      {
        id: 'section-1',
        heading: 'Troops',
        items: [{ id: 'item-1', type: 'claim', claimId: claim.id, estimate: null, showQuotes: true }],
      },
    ],
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
  }
  await callOk('briefs:save', [draft])
  const tag = session.store.data.tags[0]!
  calls = validCalls({ source, annotation, tag, claim, draft })
})

afterAll(async () => {
  console.log(
    `ipc fuzz: ${tally.runs} calls over ${CHANNELS.length} channels: ${tally.ok} ok, ` +
      `${tally.invalidPayload} invalid-payload, ${tally.otherRefusals} other refusals`,
  )
  await importer.close()
  await rm(root, { recursive: true, force: true })
})

/** Every way one answer breaks the contract; empty when it keeps it. */
function answerProblems(result: IpcResult<unknown>): string[] {
  const problems: string[] = []
  try {
    structuredClone(result) // what Electron's IPC does with the answer
  } catch (error) {
    problems.push(`the answer cannot cross IPC: ${(error as Error).message}`)
  }
  if (result.ok) return problems
  const { code, message } = result.error
  if (typeof code !== 'string' || !/^[a-z]+(-[a-z]+)*$/.test(code)) problems.push(`code ${String(code)}`)
  if (code === 'internal') problems.push(`an internal fault, not a refusal: ${message}`)
  if (typeof message !== 'string' || message.trim() === '') problems.push('an empty message')
  else if (/\n\s+at /.test(message)) problems.push('a stack trace in the message')
  return problems
}

describe('ipc fuzz', () => {
  // 3 minutes a channel, a backstop for a hang. Most calls take milliseconds, but the first that needs
  // the worker pool (analysis:conflicts, say) starts a worker from TypeScript through tsx: ~8 s on
  // an idle 2-core machine, 15-20 s with both cores busy (measured); the default 20 s cannot hold it.
  it.each(CHANNELS)('%s: hostile and near-valid arguments', { timeout: 180_000 }, async (channel) => {
    // Mostly hostile or damaged; now and then the valid call itself, so answers that succeed are
    // checked too (they must cross IPC like any other).
    const args = fc.oneof(
      { weight: 5, arbitrary: hostileArgs },
      {
        weight: 5,
        arbitrary: corruption.map(({ path, replacement }) => corruptAt(calls[channel], path, replacement)),
      },
      { weight: 1, arbitrary: fc.constant(calls[channel]) },
    )
    await fc.assert(
      fc.asyncProperty(args, async (payload) => {
        const before = await hashFolder(notebookDir)
        let result: IpcResult<unknown>
        try {
          result = await dispatch(handlers, channel, payload)
        } catch (error) {
          throw new Error(`dispatch threw: ${(error as Error).stack}`, { cause: error })
        }
        expect(restorePollutedPrototypes(), 'prototype properties the call added or replaced').toEqual([])
        tally.runs++
        if (result.ok) tally.ok++
        else if (result.error.code === 'invalid-payload') tally.invalidPayload++
        else tally.otherRefusals++
        expect(answerProblems(result)).toEqual([])
        if (!result.ok) {
          const after = await hashFolder(notebookDir)
          expect(
            after,
            `refused (${result.error.code}: ${result.error.message}) yet the folder changed`,
          ).toBe(before)
        }
      }),
      { seed: SEED, numRuns: RUNS_PER_CHANNEL },
    )
  })

  it('leaves a notebook that opens from disk and validates', async () => {
    expect(session.store.dir).toBe(notebookDir) // no call moved the session elsewhere
    await session.store.close()
    const reopened = await NotebookStore.open(notebookDir)
    expect(NotebookData.safeParse(reopened.data).success).toBe(true)
    await reopened.close()
  })
})
