/**
 * Reading what the user dropped or picked, on real temp folders: folders walked for importable
 * files, each problem file refused alone with its reason, and the work bounded by size whatever
 * folder was dropped (a home folder costs a bounded walk, not a scan of the disk).
 */
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_FILES_PER_IMPORT, MAX_IMPORT_BYTES } from '../../../shared/limits'
import { DomainError } from '../domain-error'
import { MAX_ENTRIES_WALKED, readUploads } from './read-paths'

let root: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'corroborate-read-paths-'))
})
afterEach(() => rm(root, { recursive: true, force: true }))

async function put(path: string, text = path): Promise<string> {
  const full = join(root, path)
  await mkdir(join(full, '..'), { recursive: true })
  await writeFile(full, text)
  return full
}

const names = (result: Awaited<ReturnType<typeof readUploads>>) => ({
  read: result.uploads.map((u) => u.name),
  refused: result.refused.map((r) => (r.ok ? r.fileName : `${r.fileName}: ${r.code}: ${r.error}`)),
})

describe('readUploads', () => {
  it('reads dropped files as they are and walks dropped folders for importable files', async () => {
    const note = await put('loose/note.md', '# Note')
    await put('reports/b.txt')
    await put('reports/2024/a.pdf')
    await put('reports/2024/notes.xlsx') // not importable: left out of a folder, unread
    await put('reports/.hidden.txt')
    await put('reports/.git/HEAD.txt')
    const result = await readUploads([note, join(root, 'reports')])
    expect(names(result)).toEqual({ read: ['note.md', 'a.pdf', 'b.txt'], refused: [] })
    expect(new TextDecoder().decode(result.uploads[0]!.bytes)).toBe('# Note')
  })

  it('refuses a file over the limit alone, before reading it, and reads the rest', async () => {
    const big = await put('big.html', '')
    await truncate(big, MAX_IMPORT_BYTES + 1) // sparse: nothing to read even if it tried
    const small = await put('small.txt', 'fine')
    expect(names(await readUploads([big, small]))).toEqual({
      read: ['small.txt'],
      refused: ['big.html: too-large: big.html is larger than the 20 MB import limit.'],
    })
  })

  it('refuses a path that is gone alone, with its reason', async () => {
    const kept = await put('kept.txt')
    expect(names(await readUploads([join(root, 'gone.txt'), kept]))).toEqual({
      read: ['kept.txt'],
      refused: ['gone.txt: unreadable: gone.txt could not be read: it is no longer there.'],
    })
  })

  it.skipIf(process.platform === 'win32')('refuses a pipe rather than wait on it forever', async () => {
    const pipe = join(root, 'feed.txt')
    execFileSync('mkfifo', [pipe])
    expect(names(await readUploads([pipe]))).toEqual({
      read: [],
      refused: ['feed.txt: not-a-file: feed.txt is not a regular file.'],
    })
  })

  it(`refuses more than ${MAX_FILES_PER_IMPORT} files at once, counting folders' files`, async () => {
    const loose = await put('loose.txt')
    for (let i = 0; i < MAX_FILES_PER_IMPORT; i++) await put(`many/${String(i).padStart(3, '0')}.txt`)
    expect((await readUploads([join(root, 'many')])).uploads).toHaveLength(MAX_FILES_PER_IMPORT)
    const error = await readUploads([join(root, 'many'), loose]).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DomainError)
    expect((error as DomainError).code).toBe('too-many-files')
  }, 120_000)

  it(`stops walking a folder after ${MAX_ENTRIES_WALKED} entries, importable or not`, async () => {
    const crowded = join(root, 'crowded')
    await mkdir(crowded)
    for (let i = 0; i <= MAX_ENTRIES_WALKED; i++) await writeFile(join(crowded, `${i}.bin`), '')
    const error = await readUploads([crowded]).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DomainError)
    expect((error as DomainError).code).toBe('too-many-files')
  }, 120_000) // generous: it makes ten thousand files, however busy the machine
})
