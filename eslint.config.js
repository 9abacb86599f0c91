// Shared lint config. The pure core (domain, gates, plans, analysis) may not import Node built-ins,
// the store or any adapter folder: it plans, the edges act.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const adapterFolders = [
  'store',
  'providers',
  'probes',
  'logsources',
  'notifiers',
  'model',
  'runner',
  'commands',
  'agents',
  'bus',
]

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.rina/**',
      'artifacts/**',
      'bench/.out/**',
      '.vscode-e2e/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        Buffer: 'readonly',
        fetch: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        Response: 'readonly',
        Request: 'readonly',
        Headers: 'readonly',
        structuredClone: 'readonly',
        queueMicrotask: 'readonly',
        setImmediate: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['packages/engine/src/{domain,gates,plans,analysis}/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      // Type-only imports of adapter interfaces are fine: they carry no I/O.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^node:', message: 'The pure core may not do I/O: pass data in instead.' },
            {
              regex: '^(fs|path|os|child_process|net|http|https|crypto)$',
              message: 'The pure core may not do I/O.',
            },
            {
              regex: `(^|/)(${adapterFolders.join('|')})(/|$)`,
              message: 'The pure core may not import the store, adapters or commands.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
)
