import { describe, expect, it } from 'vitest'
import { electronMirror, firstErrorLine, installerEnv, nodeTooOld } from './ensure-electron-report'

describe('nodeTooOld', () => {
  it('names the minimum when Node is older than a `>=` range, part by part', () => {
    expect(nodeTooOld('20.20.2', '>= 22.12.0')).toBe('22.12.0')
    expect(nodeTooOld('22.11.9', '>= 22.12.0')).toBe('22.12.0')
    expect(nodeTooOld('v22.12.0', '>=22.12')).toBeNull()
    expect(nodeTooOld('22.13.0', '>= 22.12.0')).toBeNull()
    expect(nodeTooOld('24.0.0', '>= 22.12.0')).toBeNull()
    expect(nodeTooOld('9.99.99', '>= 10.0.0')).toBe('10.0.0')
  })
  it('does not judge ranges it cannot read', () => {
    expect(nodeTooOld('20.0.0', '^20.19 || >=22.12')).toBeNull()
    expect(nodeTooOld('20.0.0', '')).toBeNull()
  })
})

describe('electronMirror', () => {
  it("follows @electron/get's precedence: npm config, then package config, then ELECTRON_MIRROR", () => {
    expect(electronMirror({})).toBe('https://github.com/electron/electron/releases/download/')
    expect(electronMirror({ ELECTRON_MIRROR: 'http://env/' })).toBe('http://env/')
    expect(electronMirror({ ELECTRON_MIRROR: 'http://env/', npm_config_electron_mirror: 'http://rc/' })).toBe(
      'http://rc/',
    )
  })
})

describe('installerEnv', () => {
  it("switches @electron/get's proxy support on for a proxy given to npm, without overriding the shell's", () => {
    const fromNpm = installerEnv({ npm_config_https_proxy: 'http://p:1', npm_config_noproxy: 'corp' })
    expect(fromNpm).toMatchObject({
      HTTPS_PROXY: 'http://p:1',
      NO_PROXY: 'corp',
      ELECTRON_GET_USE_PROXY: '1',
    })
    const both = installerEnv({ HTTPS_PROXY: 'http://shell:2', npm_config_https_proxy: 'http://p:1' })
    expect(both['HTTPS_PROXY']).toBe('http://shell:2')
    expect(installerEnv({ http_proxy: 'http://p:1' })['ELECTRON_GET_USE_PROXY']).toBe('1')
  })
  it('leaves a machine without a proxy as it is', () => {
    expect(installerEnv({ PATH: '/bin' })).toEqual({ PATH: '/bin' })
  })
})

describe('firstErrorLine', () => {
  it('picks the error out of a stack and Node warnings', () => {
    const stderr = [
      '(node:12) ExperimentalWarning: something',
      'HTTPError: Response code 404 (Not Found) for http://m/v1/e.zip',
      '    at FetchDownloader.download (file:///x.js:1:1)',
    ].join('\n')
    expect(firstErrorLine(stderr)).toBe('HTTPError: Response code 404 (Not Found) for http://m/v1/e.zip')
    expect(firstErrorLine('something odd\n')).toBe('something odd')
    expect(firstErrorLine('')).toBe('(no error output)')
  })
})
