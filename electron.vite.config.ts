import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { PACKAGED_FILES } from './electron-builder'
import { excludedByFilePatterns } from './scripts/licences/shipped-packages'
import { licenceReport } from './scripts/licences/vite-plugin'
import { RENDERER_CSP } from './src/shared/csp'

/** The CSP meta tag goes in at build time only: the dev server needs inline hot-reload scripts. */
function cspMetaOnBuild(): Plugin {
  return {
    name: 'corroborate-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: RENDERER_CSP },
        injectTo: 'head',
      },
    ],
  }
}

const __dirname = dirname(fileURLToPath(import.meta.url))

// The licences of what ships (Help > Licences…): what the three bundles hold, plus node_modules as
// packaged, less what PACKAGED_FILES leaves out.
const licences = licenceReport({ root: __dirname, excluded: excludedByFilePatterns(PACKAGED_FILES) })

export default defineConfig({
  main: {
    plugins: [licences.collect('main')],
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // The import worker runs in its own thread: its own entry, beside index.js.
          'import-worker': resolve(__dirname, 'src/main/core/import/import-worker.ts'),
          // The search index lives in its own thread too (src/main/core/search/search-worker.ts).
          'search-worker': resolve(__dirname, 'src/main/core/search/search-worker.ts'),
        },
      },
    },
  },
  preload: {
    plugins: [licences.collect('preload')],
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        // A sandboxed preload cannot load ES modules: emit one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
    plugins: [react(), cspMetaOnBuild(), licences.collect('renderer'), licences.write()],
  },
})
