// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

/** Node's built-in modules, in both spellings, so the renderer and shared layers can ban them. */
const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'net',
  'os',
  'path',
  'stream',
  'url',
  'util',
  'worker_threads',
  'zlib',
].flatMap((name) => [name, `node:${name}`])

const noElectron = {
  name: 'electron',
  message: 'Only the Electron shell (src/main/electron, src/preload) may import electron.',
}
const noNode = nodeBuiltins.map((name) => ({
  name,
  message: 'This layer runs in a browser: no Node modules.',
}))

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '**/*.tmp.*',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // Layering, as VS Code does it: shared is pure (no Node, no DOM, no Electron); the main-side core
  // and API are Node without Electron; only src/main/electron and the preload touch Electron.
  {
    files: ['src/shared/**/*.ts'],
    // Tests run in Node and may read fixtures from disk.
    ignores: ['src/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...noNode, { name: 'react', message: 'shared code has no UI.' }],
          patterns: [
            {
              // Type-only imports are fine: the IPC contract's types derive from main's handlers.
              group: ['**/main/**', '**/renderer/**', '**/preload/**'],
              allowTypeImports: true,
              message: 'shared imports only shared.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**', 'src/main/index.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              group: ['**/renderer/**', '**/electron/**'],
              message: 'The domain core does not reach into the shell or the UI.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...noNode],
          // Type-only imports of the contract are fine: they vanish at build time.
          patterns: [
            {
              group: ['**/main/**', '**/preload/**'],
              allowTypeImports: true,
              message: 'The renderer talks to main only through window.corroborate.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Imported content is rendered as text, never as HTML.',
        },
      ],
    },
  },
)
