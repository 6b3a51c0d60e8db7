import { join, resolve } from 'node:path'
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

  it('skips Chromium switches, URLs and the macOS process serial number', () => {
    const argv = [
      '/Applications/Corroborate.app/Contents/MacOS/Corroborate',
      '-psn_0_12345',
      '--user-data-dir=/tmp/u',
      '--no-sandbox',
      'https://example.com/',
      'file:///etc/passwd',
      '/data/nb',
      '--allow-file-access-from-files',
    ]
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
