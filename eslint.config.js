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
  {
    files: ['examples/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser, Parley: 'writable' } },
    rules: { 'prefer-rest-params': 'off' },
  },
);
