/**
 * The renderer's Content-Security-Policy: nothing but our own bundled script and styles. It goes into
 * the built index.html as a meta tag and, in the app, out of main as a response header too.
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ')
