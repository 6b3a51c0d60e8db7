/**
 * The offline guard (e2e/support/harness.ts) is on for every browser test: each spec takes `test`
 * from the harness, never straight from Playwright, and the guard really catches a request that
 * leaves the app's origin.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './support/harness'

test('every browser spec imports the guarded test from the harness', () => {
  const specs = readdirSync(import.meta.dirname).filter((name) => name.endsWith('.spec.ts'))
  expect(specs.length).toBeGreaterThan(5)
  for (const spec of specs) {
    const source = readFileSync(join(import.meta.dirname, spec), 'utf8')
    expect(source, spec).toMatch(/import \{[^}]*\btest\b[^}]*\} from '\.\/support\/harness'/)
    expect(source, spec).not.toMatch(/import \{[^}]*\btest\b[^}]*\} from '@playwright\/test'/)
  }
})

test('a request leaving the origin is blocked and recorded', async ({ app, offlineGuard }) => {
  await app.open()
  // A navigation is the one request the page's CSP does not stop, so it reaches the route guard.
  await expect(app.page.goto('http://example.invalid/')).rejects.toThrow()
  expect(offlineGuard.strayRequests).toEqual(['http://example.invalid/'])
  // Seen and proven: clear it so this test's own teardown check passes.
  offlineGuard.strayRequests.length = 0
  offlineGuard.pageErrors.length = 0
})
