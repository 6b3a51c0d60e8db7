/**
 * Where the main window's page comes from: our own `app://corroborate` bundle, or, in `npm run dev`
 * only, the Vite dev server that electron-vite names in ELECTRON_RENDERER_URL. A packaged app ignores
 * the variable: otherwise anyone who can set an environment variable could make the installed app load
 * any page and trust it with every IPC channel (ipc.ts trusts exactly the origin chosen here). Pure.
 */
import { RENDERER_ENTRY_URL, parseUrl } from './app-origin'

export interface RendererSource {
  /** What the main window loads. */
  url: string
  /** The dev server's URL when the page comes from it (its origin is the one trusted for IPC), else null. */
  devServerUrl: string | null
}

export function rendererUrl(input: {
  isPackaged: boolean
  env: Readonly<Record<string, string | undefined>>
}): RendererSource {
  const devServer = input.env['ELECTRON_RENDERER_URL']
  if (input.isPackaged || !devServer) return { url: RENDERER_ENTRY_URL, devServerUrl: null }
  const parsed = parseUrl(devServer)
  // Only an http(s) dev server: a file:// or other URL would be trusted as if it were our bundle.
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:'))
    return { url: RENDERER_ENTRY_URL, devServerUrl: null }
  return { url: devServer, devServerUrl: devServer }
}
