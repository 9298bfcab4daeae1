import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/validation/**/*.test.ts'],
    environment: 'node',
    // The validation runs simulate months of skin; give them room on a 2-core CI machine.
    testTimeout: 60_000,
    pool: 'threads',
  },
});
