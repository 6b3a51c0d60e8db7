/**
 * The security checklist (docs/security.md) in the real app: the page's origin, its CSP header, and
 * everything the page must not be able to do. Run wherever an Electron binary exists; elsewhere
 * reported as skipped with the reason. The same rules are unit-tested in src/main/electron.
 */
import { expect, test, type Page } from '@playwright/test'
import { RENDERER_CSP } from '../../src/shared/csp'
import { launchApp, type LaunchedApp } from './launch-app'

let launched: LaunchedApp
let page: Page

test.beforeAll(async () => {
  launched = await launchApp()
  page = launched.page
  await page.waitForLoadState('domcontentloaded')
})
test.afterAll(async () => {
  await launched?.close()
})

test('the renderer is served from app://corroborate, not file://', async () => {
  expect(page.url()).toBe('app://corroborate/index.html')
  expect(await page.evaluate(() => location.origin)).toBe('app://corroborate')
  expect(await page.evaluate(() => window.isSecureContext)).toBe(true)
})

test('every response carries the CSP as a header, and the CSP is enforced', async () => {
  const headers = await page.evaluate(async () => {
    const response = await fetch(location.href)
    return {
      csp: response.headers.get('content-security-policy'),
      nosniff: response.headers.get('x-content-type-options'),
    }
  })
  expect(headers).toEqual({ csp: RENDERER_CSP, nosniff: 'nosniff' })
  // No 'unsafe-eval': string-to-code is refused inside the page.
  expect(
    await page.evaluate(() => {
      try {
        return String(new Function('return 1')())
      } catch {
        return 'refused'
      }
    }),
  ).toBe('refused')
  // No remote script or connection: connect-src is 'self'.
  expect(
    await page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'fetched',
        () => 'refused',
      ),
    ),
  ).toBe('refused')
})

test('the app protocol refuses paths outside the renderer', async () => {
  const statuses = await page.evaluate(() =>
    Promise.all(
      ['app://corroborate/..%2f..%2fpackage.json', 'app://corroborate/%2e%2e%5cpackage.json'].map((url) =>
        fetch(url).then((r) => r.status),
      ),
    ),
  )
  expect(statuses).toEqual([403, 403])
})

test('the page has no Node: no require, no process, no module', async () => {
  const types = await page.evaluate(() => {
    const g = globalThis as Record<string, unknown>
    return [typeof g['require'], typeof g['process'], typeof g['module'], typeof g['Buffer']]
  })
  expect(types).toEqual(['undefined', 'undefined', 'undefined', 'undefined'])
})

test('window.open is denied and opens no window', async () => {
  expect(await page.evaluate(() => window.open('https://example.com/', '_blank') === null)).toBe(true)
  expect(await page.evaluate(() => window.open('app://corroborate/index.html') === null)).toBe(true)
  expect(launched.app.windows()).toHaveLength(1)
})

test('navigation away from the renderer is blocked', async () => {
  for (const target of ['https://example.com/', 'file:///etc/passwd', 'app://corroborate/other.html']) {
    await page.evaluate((url) => {
      location.href = url
    }, target)
    await page.waitForTimeout(300)
    expect(page.url()).toBe('app://corroborate/index.html')
  }
})

test('every permission is denied', async () => {
  const states = await page.evaluate(async () => {
    const query = (name: string) =>
      navigator.permissions.query({ name: name as PermissionName }).then(
        (s) => s.state,
        () => 'unsupported',
      )
    return {
      geolocation: await query('geolocation'),
      notifications: await query('notifications'),
      camera: await query('camera'),
      notificationRequest: await Notification.requestPermission(),
      media: await navigator.mediaDevices.getUserMedia({ audio: true }).then(
        () => 'granted',
        () => 'denied',
      ),
    }
  })
  expect(states).toEqual({
    geolocation: 'denied',
    notifications: 'denied',
    camera: 'denied',
    notificationRequest: 'denied',
    media: 'denied',
  })
})
