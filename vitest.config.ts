import { defineConfig } from 'vitest/config';

// One Vitest run from the root: unit tests beside the code, gateway integration tests, the store
// contract suite (SQLite and MongoDB-wire) and the browser test. `test/global-setup.ts` starts a
// FerretDB for the MongoDB-wire run unless MONGODB_URI points at a server already.
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'apps/*/test/**/*.test.ts'],
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
