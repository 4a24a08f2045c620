import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts', 'test/browser/global-browser.ts'],
    setupFiles: ['test/per-file-setup.ts'],
    pool: 'forks',
    // Most tests wait on PostgreSQL, SQLite files or the shared Chromium rather than the CPU,
    // so three files at a time keep a 2-core machine busy (the default would run one).
    maxWorkers: 3,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
