import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium, HOW_TO_GET_CHROMIUM } from './e2e/support/find-chromium'
import { findElectron } from './e2e/support/find-electron'

const chromiumPath = findChromium()
if (!chromiumPath) {
  console.error(`\n${HOW_TO_GET_CHROMIUM}\n`)
  process.exit(1)
}
const electron = findElectron()
if ('reason' in electron && process.env['TEST_WORKER_INDEX'] === undefined)
  console.log(`[e2e] electron project: skipped — ${electron.reason}`)

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env['CI'],
  reporter: [['list']],
  // Generous, so a busy machine is slow rather than failing: one import step may wait 60 s for its
  // files to go through the worker pool, so a whole test needs several times that. Playwright's 5 s
  // default for each expect is tight with Chromium and the workers sharing two busy cores.
  timeout: 180_000,
  expect: { timeout: 15_000 },
  projects: [
    {
      name: 'browser',
      testIgnore: ['electron/**'],
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: chromiumPath, args: CHROMIUM_ARGS },
        viewport: { width: 1400, height: 900 },
        trace: 'retain-on-failure',
        screenshot: 'only-on-failure',
      },
    },
    { name: 'electron', testMatch: ['electron/**/*.spec.ts'] },
  ],
})
