/**
 * Packaging (electron-builder 26): Windows NSIS, macOS dmg (x64 and arm64), Linux deb (first) and AppImage.
 * `npm run dist` builds for the current OS. The package holds the built app (out/), the sample
 * notebook's seed texts and the CSL styles, and the production dependencies; nothing else of the
 * repository (sources, tests, fixtures, corpus, docs, benchmarks). Checked by
 * src/main/electron/electron-builder-config.test.ts and, on a real pack, scripts/verify-package.ts.
 */
import type { Configuration } from 'electron-builder'
import { APP_ID, ARCHIVE_MIME_TYPE, LINUX_DESKTOP_NAME } from './src/main/electron/app-id'

/** What of the repository goes into app.asar (node_modules' production dependencies are added by electron-builder). */
export const PACKAGED_FILES = [
  'package.json',
  'out/**/*',
  'resources/sample/**/*',
  'resources/csl/**/*',
  // Source maps would ship our sources; test files have no business in a release.
  '!**/*.map',
  '!**/*.{test,spec}.*',
  // Optional native modules, none of which the app uses: pdf.js's canvas (the app extracts text and
  // gives pdf.js a pure-JS DOMMatrix, src/main/core/import/pdfjs-loader.ts) and piscina's nice (only
  // for a thread priority we never set). npm installs only the build machine's binary, so shipping
  // them would make the app differ by platform; verify:package lists any .node file that ships.
  '!node_modules/@napi-rs/**',
]

const config: Configuration = {
  // The same constant the app passes to app.setAppUserModelId on Windows (src/main/electron/app-id.ts).
  appId: APP_ID,
  productName: 'Corroborate',
  copyright: 'Copyright © 2026 the Corroborate authors',
  directories: { output: 'dist', buildResources: 'resources/icons' },
  files: PACKAGED_FILES,
  // Written into the packaged package.json: Electron makes it the Linux app_id / WM class, so the
  // desktop shell matches the running window to corroborate.desktop (linux.syncDesktopName below).
  extraMetadata: { desktopName: `${LINUX_DESKTOP_NAME}.desktop` },
  asar: true,
  // No native modules ship (the optional @napi-rs ones are left out): nothing to rebuild, no network.
  npmRebuild: false,
  // Releases are uploaded by hand (docs/releasing.md); the build never publishes.
  publish: null,
  fileAssociations: [
    {
      ext: 'corroborate',
      name: 'Corroborate notebook archive',
      description: 'Corroborate notebook archive',
      role: 'Editor',
      // Linux: the deb installs a shared-mime-info entry for *.corroborate and lists the type in the
      // desktop entry's MimeType, whose Exec ends in %U, so an opened archive arrives as a path or a
      // file:// URI (launch-args.ts accepts both).
      mimeType: ARCHIVE_MIME_TYPE,
    },
  ],
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
    // Flipping fuses rewrites the Electron binary and so breaks its signature; macOS on Apple silicon
    // kills an arm64 app whose signature is broken, before it runs a line. With this, @electron/fuses
    // re-signs the .app ad hoc (`codesign --sign -`) right after flipping. With a Developer ID
    // certificate electron-builder then signs over it as usual; without one (a local or CI build with
    // no CSC_LINK) the ad hoc signature is what ships, and the app starts (after the Gatekeeper
    // "unidentified developer" prompt). A no-op on Windows and Linux. (`mac.identity: '-'` would
    // force ad hoc signing even where a certificate exists, so it is not used.)
    resetAdHocDarwinSignature: true,
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
    // The deb first: its post-install script gives the app an AppArmor profile allowing user
    // namespaces (Ubuntu 24.04+), or makes chrome-sandbox setuid where there are none, so Chromium's
    // sandbox starts. An AppImage can do neither (electron#42510) and aborts unless started with
    // --no-sandbox: docs/releasing.md tells its users what to do.
    target: [
      { target: 'deb', arch: ['x64'] },
      { target: 'AppImage', arch: ['x64'] },
    ],
    icon: 'resources/icons/png',
    category: 'Office',
    executableName: 'corroborate',
    // The installed desktop file is named from desktopName (corroborate.desktop), matching the app_id.
    syncDesktopName: true,
    desktop: { entry: { StartupWMClass: LINUX_DESKTOP_NAME } },
    maintainer: 'Corroborate authors <corroborate@example.org>',
    synopsis: 'A research notebook: a sourced brief from conflicting articles',
  },
}

export default config
