import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts', 'test/browser/global-browser.ts'],
    setupFiles: ['test/per-file-setup.ts'],
    pool: 'forks',
    // Each worker process loads the app's modules once for all the files it runs, instead of
    // once per file (about a third of the suite's time went to imports). Files share no state:
    // every test builds its own app over its own database, and src/ keeps no mutable globals
    // beyond memos keyed by their inputs.
    isolate: false,
    // Most tests wait on PostgreSQL, SQLite files or the shared Chromium rather than the CPU,
    // so three files at a time keep a 2-core machine busy (the default would run one).
    maxWorkers: 3,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
