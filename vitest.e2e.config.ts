import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: real headless Chromium against the built app. Sequential, one browser.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
