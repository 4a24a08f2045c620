import { afterAll } from 'vitest';
import { releaseTestDatabases } from './schema-pool.js';

// Test databases are made from a per-file SQLite template and reused PostgreSQL schemas (see
// ./schema-pool.ts); both are removed when the file ends, so nothing outlives its file.
afterAll(releaseTestDatabases);
