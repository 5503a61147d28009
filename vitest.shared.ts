import { defineConfig } from 'vitest/config';

/**
 * Settings every package's tests share. Timeouts guard against hangs, not against slowness:
 * the suite must pass on a slow machine with both cores busy, so no test has a time budget
 * of seconds.
 */
export default defineConfig({
  test: {
    testTimeout: 600_000,
    hookTimeout: 600_000,
    teardownTimeout: 60_000,
  },
});
