import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Starts PostgreSQL for the run only when a test asks for it, and stops it at the end.
    globalSetup: ['src/store/postgres/test-support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // DuckDB work is CPU-bound; two workers match this 2-core machine.
    maxWorkers: 2,
  },
});
