import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseLaunchTarget } from './launch-args'
import { launchTargetOf } from './second-instance'

const CWD = resolve('/home/ana')

describe('parseLaunchTarget', () => {
  it('finds nothing in a plain launch, packaged or not', () => {
    expect(parseLaunchTarget(['/opt/Corroborate/corroborate'], CWD, true)).toBeNull()
    expect(parseLaunchTarget(['/x/electron', 'out/main/index.js'], CWD, false)).toBeNull()
    expect(parseLaunchTarget(['/x/electron', '.', '--inspect'], CWD, false)).toBeNull()
  })

  it('opens a notebook folder, relative to the launch folder', () => {
    expect(parseLaunchTarget(['/opt/c/corroborate', 'Notes/Korea'], CWD, true)).toEqual({
      kind: 'notebook',
      path: join(CWD, 'Notes', 'Korea'),
    })
    expect(parseLaunchTarget(['/opt/c/corroborate', '/data/nb'], CWD, true)).toEqual({
      kind: 'notebook',
      path: resolve('/data/nb'),
    })
  })

  it('imports a .corroborate archive, whatever the case of its extension', () => {
    expect(parseLaunchTarget(['/opt/c/corroborate', 'brief.CORROBORATE'], CWD, true)).toEqual({
      kind: 'archive',
      path: join(CWD, 'brief.CORROBORATE'),
    })
  })

  it('skips Chromium switches, web URLs and the macOS process serial number', () => {
    const argv = [
      '/Applications/Corroborate.app/Contents/MacOS/Corroborate',
      '-psn_0_12345',
      '--user-data-dir=/tmp/u',
      '--no-sandbox',
      'https://example.com/',
      'file:///etc/passwd',
      '/data/nb',
      'http://example.com/x.corroborate',
      'app://corroborate/index.html',
      '--allow-file-access-from-files',
    ]
    expect(parseLaunchTarget(argv, CWD, true)).toEqual({ kind: 'notebook', path: resolve('/data/nb') })
  })

  it('opens a file:// URI as its path (a Linux desktop entry passes %U), decoded', () => {
    const archive = resolve('/home/ana/My Notes/brief #2.corroborate')
    const url = pathToFileURL(archive).href
    expect(url).toContain('My%20Notes')
    expect(parseLaunchTarget(['/opt/c/corroborate', url], CWD, true)).toEqual({
      kind: 'archive',
      path: archive,
    })
    const folder = resolve('/data/Korea notes')
    expect(parseLaunchTarget(['/opt/c/corroborate', pathToFileURL(folder).href], CWD, true)).toEqual({
      kind: 'notebook',
      path: folder,
    })
  })

  it('skips a file:// URI that names no path (an encoded slash)', () => {
    const argv = ['/opt/c/corroborate', '/data/nb', 'file:///a%2Fb.corroborate']
    expect(parseLaunchTarget(argv, CWD, true)).toEqual({ kind: 'notebook', path: resolve('/data/nb') })
  })

  // On Windows file://server/share is a UNC path, which is a path there.
  it.skipIf(process.platform === 'win32')('skips a file:// URI on another host', () => {
    const argv = ['/opt/c/corroborate', '/data/nb', 'file://server.example/share/x.corroborate']
    expect(parseLaunchTarget(argv, CWD, true)).toEqual({ kind: 'notebook', path: resolve('/data/nb') })
  })

  it('skips the app path when unpackaged, and the last target wins', () => {
    expect(parseLaunchTarget(['/x/electron', 'out/main/index.js', 'a', 'b.corroborate'], CWD, false)).toEqual(
      {
        kind: 'archive',
        path: join(CWD, 'b.corroborate'),
      },
    )
  })
})

describe('launchTargetOf (second instance)', () => {
  it('prefers the argv and folder the second instance sent itself', () => {
    const data = { argv: ['/opt/c/corroborate', 'nb'], cwd: '/work' }
    expect(launchTargetOf(data, ['/opt/c/corroborate', '--extra'], CWD, true)).toEqual({
      kind: 'notebook',
      path: join(resolve('/work'), 'nb'),
    })
  })

  it('falls back to the argv Electron passed when the data is missing or malformed', () => {
    for (const data of [null, undefined, {}, { argv: [1, 2], cwd: '/w' }, { argv: ['x'], cwd: 3 }])
      expect(launchTargetOf(data, ['/opt/c/corroborate', 'x.corroborate'], CWD, true)).toEqual({
        kind: 'archive',
        path: join(CWD, 'x.corroborate'),
      })
  })
})
