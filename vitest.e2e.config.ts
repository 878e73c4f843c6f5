import { defineConfig } from 'vitest/config';

/** End-to-end tests: real Chromium with the built extension; one file at a time, generous timeouts. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
