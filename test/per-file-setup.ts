import { afterAll } from 'vitest';
import { dropIdlePostgresSchemas } from './schema-pool.js';

// Test databases on PostgreSQL are reused within a file (see createTestDatabase); whatever is
// left idle when the file ends is dropped here, so no schema outlives its file.
afterAll(dropIdlePostgresSchemas);
