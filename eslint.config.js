// Lint: typescript-eslint's recommended rules on every TypeScript file; type-aware checks are
// left to `pnpm typecheck` (tsc) to keep lint fast.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.parley/**', '.tools/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  // Layering (DESIGN.md): the pure packages do no I/O, browser code carries no zod or Node
  // modules, and storage never reaches up into features.
  {
    files: ['packages/{protocol,culture,understanding,knowledge}/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['node:*'], message: 'Pure packages do no I/O: keep node:* out.' }] }] },
  },
  {
    files: ['packages/{client,widget}/src/**/*.{ts,tsx}', 'apps/console/src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [
          { name: 'zod', message: 'Zod stays out of browser bundles: import types from @parley/protocol.' },
          { name: '@parley/protocol', allowTypeImports: true, message: 'Values come from the zod-free @parley/protocol/errors, /version and /limits entries.' },
        ],
        patterns: [{ group: ['node:*'], message: 'Browser code: no Node built-ins.' }],
      }],
    },
  },
  {
    files: ['apps/gateway/src/storage/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/features/**'], message: 'storage/ never imports features/: features depend on storage, not the reverse.' }] }] },
  },
  {
    files: ['examples/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser, Parley: 'writable' } },
    rules: { 'prefer-rest-params': 'off' },
  },
);
