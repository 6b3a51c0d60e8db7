import { existsSync, readFileSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import JSZip from 'jszip'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Channel } from '../../shared/ipc/channel-names'
import { CHANNELS } from '../../shared/ipc/channel-names'
import type { AppEvent } from '../../shared/ipc/events'
import { MAX_IMPORT_BYTES } from '../../shared/limits'
import type { IpcResult } from '../../shared/ipc/result'
import type { Annotation, Source } from '../../shared/model'
import { NotebookSession } from '../core/notebook-session'
import { NOTEBOOK_FILE, NotebookStore } from '../core/notebook-store'
import type { ImportOutcome } from '../core/import/importer'
import { Importer } from '../core/import/importer'
import { dispatch } from './dispatch'
import type { Handlers } from './handlers'
import { createHandlers } from './handlers'
import type { NativeShell } from './native-shell'
import { hashFolder } from '../core/testing/folder-hash'

const SEED_002 = '002_a4871556e040079a.txt'
const SEED_003 = '003_b43ba051ed14bbce.txt'
const SEED_004 = '004_a4fe718e7c600af5.txt'
const samplePath = (name: string) =>
  fileURLToPath(new URL(`../../../resources/sample/${name}`, import.meta.url))
const QUOTE = 'at least 3,000 soldiers'
const NOTEBOOK_NAME = 'North Korea / Russia: week 43'
const seedPath = samplePath(SEED_002)
const seedBytes = new Uint8Array(readFileSync(seedPath))

/** Stands in for the native dialogs only: answers what the test queues up and records what it was asked. */
interface ScriptedShell extends NativeShell {
  answers: { files: string[]; folder: string | null; exportPath: string | null }
  importRequests: ('files' | 'folder')[]
  exportRequests: { defaultName: string; filter: { name: string; extensions: string[] } }[]
  openedLinks: string[]
}

function scriptedShell(): ScriptedShell {
  const shell: ScriptedShell = {
    answers: { files: [], folder: null, exportPath: null },
    importRequests: [],
    exportRequests: [],
    openedLinks: [],
    chooseFilesToImport: async (kind) => {
      shell.importRequests.push(kind)
      return shell.answers.files
    },
    chooseArchive: async () => null,
    chooseNotebookFolder: async () => shell.answers.folder,
    chooseExportPath: async (defaultName, filter) => {
      shell.exportRequests.push({ defaultName, filter })
      return shell.answers.exportPath
    },
    // Printing needs a Chromium: the PDF export is tested end to end (e2e/brief.spec.ts).
    printHtmlToPdf: async () => {
      throw new Error('no printer in unit tests')
    },
    openLinkInBrowser: async (url) => {
      shell.openedLinks.push(url)
      return true
    },
  }
  return shell
}

const importer = new Importer()
afterAll(() => importer.close())

let root: string
let events: AppEvent[]
let notebookDir: string
let exportDir: string
let shell: ScriptedShell
let session: NotebookSession
let handlers: Handlers
let source: Source
let claim: Annotation

const call = (channel: unknown, args: unknown): Promise<IpcResult<unknown>> =>
  dispatch(handlers, channel, args)

async function callOk<T>(channel: Channel, args: unknown[]): Promise<T> {
  const result = await call(channel, args)
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`)
  return result.value as T
}

function expectError(
  result: IpcResult<unknown>,
  code: string,
): { code: string; message: string; details?: unknown } {
  expect(result.ok).toBe(false)
  if (result.ok) throw new Error('unreachable')
  expect(result.error.code).toBe(code)
  expect(result.error.message.length).toBeGreaterThan(0)
  return result.error
}

const notebookBytes = (): Promise<string> => hashFolder(notebookDir)

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'corroborate-'))
  notebookDir = join(root, 'notebook')
  exportDir = join(root, 'exports')
  await mkdir(exportDir)
  await (await NotebookStore.open(notebookDir, NOTEBOOK_NAME)).close()
  session = await NotebookSession.onNotebook(notebookDir, join(root, 'userData'))
  shell = scriptedShell()
  events = []
  handlers = createHandlers(session, shell, { importer, emit: (event) => events.push(event) })

  const [outcome] = await callOk<ImportOutcome[]>('sources:importPaths', [[seedPath], 'job-seed'])
  if (!outcome?.ok) throw new Error('seed 002 did not import')
  source = await callOk<Source>('sources:update', [
    outcome.sourceId,
    {
      title: 'Pentagon confirms North Korean troops in Russia',
      outlet: 'Example Daily',
      author: 'Dana Reporter',
      published: '2024-10-23',
      url: 'https://example.com/news/north-korea-troops',
    },
  ])
  const { text } = await callOk<{ text: string }>('sources:content', [source.id])
  const start = text.indexOf(QUOTE)
  claim = await callOk<Annotation>('annotations:create', [
    {
      sourceId: source.id,
      kind: 'claim',
      start,
      end: start + QUOTE.length,
      comment: 'Kirby: 3,000.',
      tags: [],
    },
  ])
})

afterEach(async () => {
  await session.close()
  await rm(root, { recursive: true, force: true })
})

describe('dispatch: channels and payloads', () => {
  it('answers unknown-channel for anything that is not a channel', async () => {
    for (const channel of ['notebook:delete', 'constructor', '__proto__', '', 42, null, undefined]) {
      const error = expectError(await call(channel, []), 'unknown-channel')
      expect(error.message).toBe(`No such command: ${String(channel)}`)
    }
  })

  it('serves every declared channel', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort())
  })

  it('imports through a job and reports its progress as events', async () => {
    expect(events.filter((e) => e.type === 'import-progress')).toEqual([
      {
        type: 'import-progress',
        jobId: 'job-seed',
        done: 1,
        total: 1,
        outcome: {
          fileName: SEED_002,
          ok: true,
          sourceId: source.id,
          title: expect.any(String),
          duplicate: false,
          nearDuplicates: [],
        },
      },
    ])
    // Saving the import is reported too: the window shows "Saving…" then "Saved".
    const saving = events.flatMap((e) => (e.type === 'notebook-status' ? [e.status.saving] : []))
    expect(saving).toContain(true)
    expect(saving.at(-1)).toBe(false)
    const content = await callOk<{ text: string; structure: unknown }>('sources:content', [source.id])
    expect(content.text).toBe(new TextDecoder().decode(seedBytes))
    expect(content.structure).toBeNull()
  })

  it('returns the snapshot of the open notebook', async () => {
    const snapshot = await callOk<{ dir: string; meta: { name: string }; sources: Source[] }>(
      'notebook:snapshot',
      [],
    )
    expect(snapshot.dir).toBe(notebookDir)
    expect(snapshot.meta.name).toBe(NOTEBOOK_NAME)
    expect(snapshot.sources).toEqual([source])
  })

  const validNew = () => ({
    sourceId: source.id,
    kind: 'claim',
    start: 0,
    end: 5,
    comment: '',
    tags: [],
  })

  const malformed: [string, Channel, () => unknown][] = [
    ['args that are not an array', 'sources:content', () => 'some-id'],
    ['a missing argument', 'sources:content', () => []],
    ['a number for an id', 'sources:content', () => [42]],
    ['an extra argument', 'notebook:snapshot', () => ['extra']],
    ['a javascript: URL', 'sources:update', () => [source.id, { url: 'javascript:alert(1)' }]],
    ['a file: URL', 'sources:update', () => [source.id, { url: 'file:///etc/passwd' }]],
    ['a date that is not ISO', 'sources:update', () => [source.id, { published: '23 Oct 2024' }]],
    ['a title of the wrong type', 'sources:update', () => [source.id, { title: 7 }]],
    [
      'a paste over MAX_IMPORT_BYTES',
      'sources:importPaste',
      () => [{ text: 'a'.repeat(MAX_IMPORT_BYTES + 1), title: '' }],
    ],
    ['a paste without a title', 'sources:importPaste', () => [{ text: 'Some text' }]],
    ['no paths', 'sources:importPaths', () => [[], 'job-1']],
    ['no job id', 'sources:importPaths', () => [[seedPath]]],
    [
      'bytes instead of a path',
      'sources:importPaths',
      () => [[{ name: 'a.txt', bytes: new Uint8Array([104]) }], 'job-1'],
    ],
    ['a relative path', 'sources:importPaths', () => [['../../etc/passwd'], 'job-1']],
    ['a path that is empty', 'sources:importPaths', () => [[''], 'job-1']],
    ['a path with a NUL in it', 'sources:importPaths', () => [[`${seedPath}\0.txt`], 'job-1']],
    ['an unknown dialog kind', 'sources:importDialog', () => ['everything', 'job-1']],
    ['a negative start', 'annotations:create', () => [{ ...validNew(), start: -1 }]],
    ['a negative end', 'annotations:create', () => [{ ...validNew(), start: 0, end: -5 }]],
    ['a fractional offset', 'annotations:create', () => [{ ...validNew(), end: 2.5 }]],
    ['an unknown kind', 'annotations:create', () => [{ ...validNew(), kind: 'fact' }]],
    ['a blank tag', 'annotations:create', () => [{ ...validNew(), tags: ['   '] }]],
    ['a missing sourceId', 'annotations:create', () => [{ ...validNew(), sourceId: undefined }]],
    ['a blank tag in a patch', 'annotations:update', () => [claim.id, { tags: [''] }]],
    ['a half annotation', 'annotations:restore', () => [{ id: claim.id, sourceId: source.id }]],
    ['an unknown brief format', 'brief:export', () => ['rtf']],
  ]

  for (const [label, channel, args] of malformed) {
    it(`refuses ${label} on ${channel} with invalid-payload and changes nothing`, async () => {
      const before = await notebookBytes()
      const error = expectError(await call(channel, args()), 'invalid-payload')
      expect(Array.isArray(error.details)).toBe(true)
      expect(await notebookBytes()).toEqual(before)
      expect(session.store.data.sources).toEqual([source])
      expect(session.store.data.annotations).toEqual([claim])
      expect(shell.exportRequests).toEqual([])
      expect(await readdir(exportDir)).toEqual([])
    })
  }

  it('refuses a dropped file over MAX_IMPORT_BYTES alone, unread, and imports the rest', async () => {
    const dropped = join(root, 'dropped')
    await mkdir(join(dropped, 'folder'), { recursive: true })
    // Sparse: the size is checked before a byte is read, so no 20 MB is ever written or read.
    await writeFile(join(dropped, 'big.txt'), '')
    await truncate(join(dropped, 'big.txt'), MAX_IMPORT_BYTES + 1)
    await copyFile(samplePath(SEED_003), join(dropped, SEED_003))
    await copyFile(samplePath(SEED_004), join(dropped, 'folder', SEED_004))
    const outcomes = await callOk<ImportOutcome[]>('sources:importPaths', [
      [join(dropped, 'big.txt'), join(dropped, SEED_003), join(dropped, 'folder')],
      'job-drop',
    ])
    expect(outcomes.map((o) => [o.fileName, o.ok])).toEqual([
      ['big.txt', false],
      [SEED_003, true],
      [SEED_004, true],
    ])
    expect(outcomes[0]).toMatchObject({
      code: 'too-large',
      error: 'big.txt is larger than the 20 MB import limit.',
    })
    expect(session.store.data.sources.map((s) => s.originalFileName)).toEqual([SEED_002, SEED_003, SEED_004])
  })

  it('names the field of a refused payload in the message', async () => {
    const error = expectError(
      await call('sources:update', [source.id, { url: 'javascript:alert(1)' }]),
      'invalid-payload',
    )
    expect(error.message).toMatch(/^1\.url: /)
  })

  it('drops fields the payload schema does not know instead of saving them', async () => {
    const updated = await callOk<Source>('sources:update', [
      source.id,
      { title: 'New title', id: 'hijacked', textSha256: '0'.repeat(64), format: 'paste' },
    ])
    expect(updated).toEqual({ ...source, title: 'New title' })
    const reopened = await NotebookStore.open(notebookDir)
    expect(reopened.data.sources).toEqual([{ ...source, title: 'New title' }])
  })
})

describe('dispatch: domain errors', () => {
  it('surfaces a DomainError with its code and message', async () => {
    const before = await notebookBytes()
    const backwards = expectError(
      await call('annotations:create', [
        { sourceId: source.id, kind: 'claim', start: 10, end: 3, comment: '', tags: [] },
      ]),
      'bad-selection',
    )
    expect(backwards.message).toMatch(/^Cannot annotate that selection: /)
    expectError(await call('sources:content', ['no-such-source']), 'not-found')
    expectError(await call('annotations:delete', ['no-such-annotation']), 'not-found')
    const url = expectError(await call('sources:importUrl', ['javascript:alert(1)', 'job-2']), 'bad-url')
    expect(url.message).toBe('Only http and https addresses can be imported.')
    const empty = expectError(
      await call('sources:importPaste', [{ text: ' \n ', title: '' }]),
      'empty-source',
    )
    expect(empty.message).toMatch(/^The pasted text /)
    expect(await notebookBytes()).toEqual(before)
  })

  it('reports a corrupt notebook chosen in the open dialog and keeps the current one', async () => {
    const badDir = join(root, 'bad')
    await mkdir(badDir)
    await writeFile(join(badDir, NOTEBOOK_FILE), '{"schemaVersion": 1')
    shell.answers.folder = badDir
    expectError(await call('notebook:open', []), 'corrupt-notebook')
    expect(session.store.dir).toBe(notebookDir)
    expect(await readFile(join(badDir, NOTEBOOK_FILE), 'utf8')).toBe('{"schemaVersion": 1')
  })

  it('reports a fault that is not a DomainError as internal, and changes nothing', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const before = await notebookBytes()
      // A path Node refuses outright (no dialog answers one): a programming fault, not a DomainError.
      shell.answers.files = [join(root, 'bad\0name.txt')]
      const error = expectError(await call('sources:importDialog', ['files', 'job-1']), 'internal')
      expect(error.message).toMatch(/^Something went wrong: .*null bytes/)
      expect(spy).toHaveBeenCalledOnce()
      expect(await notebookBytes()).toEqual(before)
    } finally {
      spy.mockRestore()
    }
  })

  it('refuses a picked file that vanished alone, with its reason, and imports the rest', async () => {
    await copyFile(samplePath(SEED_003), join(root, SEED_003))
    shell.answers.files = [join(root, 'vanished.txt'), join(root, SEED_003)]
    const outcomes = await callOk<ImportOutcome[]>('sources:importDialog', ['files', 'job-1'])
    expect(outcomes).toEqual([
      {
        fileName: 'vanished.txt',
        ok: false,
        code: 'unreadable',
        error: 'vanished.txt could not be read: it is no longer there.',
      },
      expect.objectContaining({ fileName: SEED_003, ok: true }),
    ])
  })
})

describe('dispatch: undo and partial edits', () => {
  it('restores a deleted annotation, but refuses one whose quote is not the text at its position', async () => {
    await callOk('annotations:delete', [claim.id])
    expect(await callOk('annotations:restore', [claim])).toEqual(claim)
    const forged = {
      ...claim,
      id: 'forged',
      target: { ...claim.target, quote: { ...claim.target.quote, exact: 'at most 3 soldiers' } },
    }
    expectError(await call('annotations:restore', [forged]), 'bad-annotation')
    const snapshot = await callOk<{ annotations: Annotation[] }>('notebook:snapshot', [])
    expect(snapshot.annotations.map((a) => a.id)).toEqual([claim.id])
  })

  it('treats a field sent as undefined as unchanged', async () => {
    const updated = await callOk<Source>('sources:update', [source.id, { title: undefined, outlet: 'AP' }])
    expect(updated.title).toBe('Pentagon confirms North Korean troops in Russia')
    expect(updated.outlet).toBe('AP')
  })

  it('deletes a source with its annotations and restores both', async () => {
    const deleted = await callOk<{ source: Source; annotations: Annotation[] }>('sources:delete', [source.id])
    expect(deleted.annotations.map((a) => a.id)).toEqual([claim.id])
    await callOk('sources:restore', [deleted])
    const snapshot = await callOk<{ sources: Source[]; annotations: Annotation[] }>('notebook:snapshot', [])
    expect(snapshot.sources.map((s) => s.id)).toEqual([source.id])
    expect(snapshot.annotations).toEqual([claim])
  })
})

describe('dispatch: brief:export', () => {
  it('writes a Markdown brief whose footnote quotes the claim exactly', async () => {
    const exportPath = join(exportDir, 'brief.md')
    shell.answers.exportPath = exportPath
    const result = await callOk<{ path: string } | null>('brief:export', ['markdown'])
    expect(result).toEqual({ path: exportPath })
    expect(shell.exportRequests).toEqual([
      { defaultName: 'North Korea Russia week 43.md', filter: { name: 'Markdown', extensions: ['md'] } },
    ])

    const content = await readFile(exportPath, 'utf8')
    expect(content).toMatch(/^# North Korea \/ Russia: week 43\n/)
    expect(content).toContain('- Kirby: 3,000.[^1]')
    const footnotes = content.split('\n').filter((line) => line.startsWith('[^'))
    expect(footnotes).toEqual([
      '[^1]: Example Daily, “Pentagon confirms North Korean troops in Russia”, Dana Reporter, 2024-10-23, ' +
        '<https://example.com/news/north-korea-troops>. Quote: “at least 3,000 soldiers”',
    ])
    expect(content).toContain(`Text SHA-256: \`${source.textSha256}\``)
    // The atomic write leaves no temporary file behind.
    expect(await readdir(exportDir)).toEqual(['brief.md'])
  })

  it('writes a Word brief with real footnotes when asked for docx', async () => {
    const exportPath = join(exportDir, 'brief.docx')
    shell.answers.exportPath = exportPath
    expect(await callOk('brief:export', ['docx'])).toEqual({ path: exportPath })
    expect(shell.exportRequests[0]).toEqual({
      defaultName: 'North Korea Russia week 43.docx',
      filter: { name: 'Word document', extensions: ['docx'] },
    })
    const zip = await JSZip.loadAsync(await readFile(exportPath))
    const footnotes = await zip.file('word/footnotes.xml')!.async('string')
    expect(footnotes).toContain('at least 3,000 soldiers')
  })

  it('writes an HTML brief when asked for HTML', async () => {
    const exportPath = join(exportDir, 'brief.html')
    shell.answers.exportPath = exportPath
    expect(await callOk('brief:export', ['html'])).toEqual({ path: exportPath })
    expect(shell.exportRequests[0]?.filter).toEqual({ name: 'HTML', extensions: ['html'] })
    const content = await readFile(exportPath, 'utf8')
    expect(content).toMatch(/^<!doctype html>/)
    expect(content).toContain('Quote: “at least 3,000 soldiers”')
  })

  it('refuses with quote-mismatch, and writes nothing, when the stored text was tampered with', async () => {
    const textFile = join(notebookDir, 'texts', `${source.textSha256}.txt`)
    const original = await readFile(textFile, 'utf8')
    expect(original).toContain(QUOTE)
    await writeFile(textFile, original.replaceAll('3,000', '30,000'))

    const exportPath = join(exportDir, 'brief.md')
    shell.answers.exportPath = exportPath
    const before = await notebookBytes()
    const error = expectError(await call('brief:export', ['markdown']), 'quote-mismatch')
    expect(error.message).toContain('“at least 3,000 soldiers”')
    expect(error.message).toContain('Pentagon confirms North Korean troops in Russia')
    expect(error.details).toEqual([
      {
        annotationId: claim.id,
        sourceId: source.id,
        sourceTitle: 'Pentagon confirms North Korean troops in Russia',
        quote: QUOTE,
        reason: 'quote-not-found',
      },
    ])
    expect(existsSync(exportPath)).toBe(false)
    expect(await readdir(exportDir)).toEqual([])
    expect(await notebookBytes()).toEqual(before)
  })

  it('refuses with text-altered when the text changed outside the quotes (its SHA-256 no longer holds)', async () => {
    const textFile = join(notebookDir, 'texts', `${source.textSha256}.txt`)
    await writeFile(textFile, `${await readFile(textFile, 'utf8')}\nA sentence added later.`)
    shell.answers.exportPath = join(exportDir, 'brief.md')
    const error = expectError(await call('brief:export', ['markdown']), 'text-altered')
    expect(error.message).toContain('Pentagon confirms North Korean troops in Russia')
    expect(await readdir(exportDir)).toEqual([])
  })

  it('refuses with quote-mismatch when the stored text is missing', async () => {
    await rm(join(notebookDir, 'texts', `${source.textSha256}.txt`))
    shell.answers.exportPath = join(exportDir, 'brief.md')
    const error = expectError(await call('brief:export', ['markdown']), 'quote-mismatch')
    expect(error.details).toMatchObject([{ annotationId: claim.id, reason: 'missing-text' }])
    expect(await readdir(exportDir)).toEqual([])
  })

  it('answers ok with null, and writes nothing, when the save dialog is cancelled', async () => {
    shell.answers.exportPath = null
    const result = await call('brief:export', ['markdown'])
    expect(result).toEqual({ ok: true, value: null })
    expect(shell.exportRequests).toHaveLength(1)
    expect(await readdir(exportDir)).toEqual([])
  })
})

describe('dispatch: storage and link channels', () => {
  it('hands a link to the shell, which confirms it with the user, and refuses one that is not a string', async () => {
    expect(await callOk('links:openExternal', ['https://apnews.com/article/x'])).toBe(true)
    expect(shell.openedLinks).toEqual(['https://apnews.com/article/x'])
    expectError(await call('links:openExternal', [{ href: 'javascript:alert(1)' }]), 'invalid-payload')
  })

  it('reports the notebook status, takes a backup and lists it', async () => {
    const status = await callOk<{ readOnly: string | null; saving: boolean }>('notebook:status', [])
    expect(status).toMatchObject({ readOnly: null, saving: false })
    const taken = await callOk<{ id: string }>('backups:create', [])
    const listed = await callOk<Array<{ id: string }>>('backups:list', [])
    expect(listed.map((b) => b.id)).toContain(taken.id)
    expectError(await call('backups:restore', ['../../etc']), 'invalid-payload')
  })
})
