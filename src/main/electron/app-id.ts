/**
 * The app's one identity on every OS: electron-builder's `appId` (the macOS bundle id, the Windows
 * installer's shortcuts' AppUserModelID) and the id the running app gives itself on Windows
 * (`app.setAppUserModelId`), so a pinned taskbar shortcut and the running window are one icon.
 * Pure, and imported by electron-builder.ts, so the two cannot drift apart.
 */
export const APP_ID = 'org.corroborate.desktop'

/**
 * The Linux desktop entry's name (without `.desktop`). Electron takes `desktopName` from the packaged
 * package.json as the Wayland app_id (and `StartupWMClass` follows it), so the installed
 * `corroborate.desktop` is the one the shell associates with the running window.
 */
export const LINUX_DESKTOP_NAME = 'corroborate'

/** The MIME type of `.corroborate` archives, registered by the Linux packages (shared-mime-info). */
export const ARCHIVE_MIME_TYPE = 'application/x-corroborate'
