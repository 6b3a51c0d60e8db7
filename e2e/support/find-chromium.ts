/**
 * Finds a Chromium for the browser end-to-end tests. We never download one (`npx playwright install`
 * needs the internet); we use the system's, or say exactly how to get one.
 */
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
]

export const HOW_TO_GET_CHROMIUM = [
  'No Chromium was found for the end-to-end tests. Either:',
  '  - Debian/Ubuntu: sudo apt-get install -y chromium   (gives /usr/bin/chromium)',
  '  - or point CHROMIUM_PATH at any Chromium or Chrome binary: CHROMIUM_PATH=/path/to/chrome npm test',
  '  - or, with internet access: npx playwright install chromium',
].join('\n')

export function findChromium(): string | null {
  const fromEnv = process.env['CHROMIUM_PATH']
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null
  const system = CANDIDATES.find((path) => existsSync(path))
  if (system) return system
  try {
    const bundled = chromium.executablePath()
    return existsSync(bundled) ? bundled : null
  } catch {
    return null
  }
}

/** Flags for a quiet headless Chromium on a machine with no network and no user session. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]
