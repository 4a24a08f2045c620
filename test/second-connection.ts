import path from 'node:path';
import { sql } from 'kysely';
import { type Database, openDatabase } from '../src/storage/db.js';
import { TEST_DATABASE_URL } from './database-url.js';
import type { TestDatabase } from './helpers.js';

/**
 * Another connection (pool) to the same test database, as a second app process would open it:
 * the same SQLite file, or the same PostgreSQL schema. The caller closes it; `t.drop()` still
 * removes the data.
 */
export async function openSecondConnection(t: TestDatabase): Promise<Database> {
  if (t.database.dialect === 'sqlite') {
    return openDatabase({ kind: 'sqlite', file: path.join(t.dataDir, 'broadside.sqlite') });
  }
  const schema = (await sql<{ schema: string }>`select current_schema() as schema`.execute(t.database.db)).rows[0]!.schema;
  return openDatabase({ kind: 'postgres', url: TEST_DATABASE_URL, schema, maxConnections: 4 });
}
