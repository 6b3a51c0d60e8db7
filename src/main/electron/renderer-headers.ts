/**
 * The response headers of every file the app protocol serves. The CSP goes out as a real header (the
 * built HTML also carries it as a meta tag, which cannot express everything a header can and comes
 * too late for anything before it in the document).
 */
import { RENDERER_CSP } from '../../shared/csp'

export function rendererResponseHeaders(mimeType: string): Record<string, string> {
  return {
    'Content-Type': mimeType,
    'Content-Security-Policy': RENDERER_CSP,
    // The browser must believe our types: an unknown file is never run as script or styles.
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    // The bundle changes with every release; the files are local, so there is nothing to gain by caching.
    'Cache-Control': 'no-store',
  }
}

/** Headers of a refused or missing file: plain text, still under the CSP. */
export function refusalHeaders(): Record<string, string> {
  return rendererResponseHeaders('text/plain; charset=utf-8')
}
