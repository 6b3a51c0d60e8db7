/**
 * Loads pdf.js (the legacy build, for Node) on the first PDF, never when the import worker starts.
 *
 * pdf.js builds a DOMMatrix when its module loads, and in Node takes one only from the optional
 * native `@napi-rs/canvas`. npm installs that binary for the machine it runs on, and the package
 * leaves it out (electron-builder.ts): without it a static import threw "DOMMatrix is not defined"
 * and took every web page, Word and PDF import, and the conflict finder, down with the worker.
 * Text extraction draws nothing, so a pure-JS DOMMatrix (@thednp/dommatrix) is all pdf.js needs; it
 * is installed only where the runtime has none. ImageData and Path2D are left undefined: only
 * rendering to a canvas uses them, and a fake would hide that from pdf.js.
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import CSSMatrix from '@thednp/dommatrix'
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs'

export type PdfJs = typeof PdfJsModule

/** pdf.js's package folder: its worker, standard font metrics and CMaps are read from here by path. */
export const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))

/**
 * What pdf.js says at load when canvas is missing: it cannot load it, nor take ImageData and Path2D
 * from it. True and harmless here (we never render), so they are kept out of the log; any other
 * warning passes through.
 */
const EXPECTED_LOAD_WARNINGS = /^Warning: Cannot (load "@napi-rs\/canvas"|polyfill `(ImageData|Path2D)`)/

export function installDomMatrix(scope: { DOMMatrix?: unknown } = globalThis): void {
  scope.DOMMatrix ??= CSSMatrix
}

async function importQuietly(): Promise<PdfJs> {
  const warn = console.warn
  console.warn = (...args: unknown[]) => {
    if (!(typeof args[0] === 'string' && EXPECTED_LOAD_WARNINGS.test(args[0]))) warn(...args)
  }
  try {
    return await import('pdfjs-dist/legacy/build/pdf.mjs')
  } finally {
    console.warn = warn
  }
}

async function load(): Promise<PdfJs> {
  installDomMatrix()
  const pdfjs = await importQuietly()
  // In Node pdf.js runs its worker in-process, importing it from `workerSrc`. Its default is a path
  // relative to pdf.mjs, which breaks when pdf.mjs is bundled or transformed (Vitest, electron-vite):
  // name the file absolutely.
  pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(
    join(PDFJS_DIR, 'legacy', 'build', 'pdf.worker.mjs'),
  ).href
  return pdfjs
}

let loading: Promise<PdfJs> | null = null

/** pdf.js, loaded once per thread; a failed load is tried again by the next PDF. */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= load().catch((error: unknown) => {
    loading = null
    throw error
  })
  return loading
}
