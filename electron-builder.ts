/**
 * Packaging (electron-builder 26): Windows NSIS, macOS dmg (x64 and arm64), Linux AppImage and deb.
 * `npm run dist` builds for the current OS. The package holds the built app (out/), the sample
 * notebook's seed texts and the CSL styles, and the production dependencies; nothing else of the
 * repository (sources, tests, fixtures, corpus, docs, benchmarks). Checked by
 * src/main/electron/electron-builder-config.test.ts and, on a real pack, scripts/verify-package.ts.
 */
import type { Configuration } from 'electron-builder'

/** What of the repository goes into app.asar (node_modules' production dependencies are added by electron-builder). */
export const PACKAGED_FILES = [
  'package.json',
  'out/**/*',
  'resources/sample/**/*',
  'resources/csl/**/*',
  // Source maps would ship our sources; test files have no business in a release.
  '!**/*.map',
  '!**/*.{test,spec}.*',
]

const config: Configuration = {
  appId: 'org.corroborate.desktop',
  productName: 'Corroborate',
  copyright: 'Copyright © 2026 the Corroborate authors',
  directories: { output: 'dist', buildResources: 'resources/icons' },
  files: PACKAGED_FILES,
  asar: true,
  // No native modules: nothing to rebuild, and a rebuild would need the network.
  npmRebuild: false,
  // Releases are uploaded by hand (docs/releasing.md); the build never publishes.
  publish: null,
  fileAssociations: [{ ext: 'corroborate', name: 'Corroborate notebook archive', role: 'Editor' }],
  // Flipped in the Electron binary at packaging time, before signing (docs/security.md).
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    // The renderer comes from app://; only the hidden print window loads a file:// page (no fetches).
    grantFileProtocolExtraPrivileges: false,
  },
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'resources/icons/icon.ico',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    artifactName: '${productName}-Setup-${version}.${ext}',
  },
  mac: {
    target: [{ target: 'dmg', arch: ['x64', 'arm64'] }],
    icon: 'resources/icons/icon.icns',
    category: 'public.app-category.productivity',
    hardenedRuntime: true,
  },
  dmg: { artifactName: '${productName}-${version}-${arch}.${ext}' },
  linux: {
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ],
    icon: 'resources/icons/png',
    category: 'Office',
    executableName: 'corroborate',
    maintainer: 'Corroborate authors <corroborate@example.org>',
    synopsis: 'A research notebook: a sourced brief from conflicting articles',
  },
}

export default config
