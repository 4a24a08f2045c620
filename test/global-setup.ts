import pg from 'pg';
import { TEST_DATABASE_URL } from './database-url.js';

/**
 * Runs once before all test files: fails fast with a clear message when PostgreSQL is not
 * reachable (`npm test` starts it via scripts/test-env.mjs), and drops schemas left behind
 * by runs that were killed.
 */
export default async function setup(): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`PostgreSQL is needed by the tests at ${TEST_DATABASE_URL}: ${(error as Error).message}`);
  }
  try {
    // Every test makes a fresh schema (dozens of DDL commits) and many small transactions;
    // waiting for each commit's WAL flush made PostgreSQL tests 3–5 times slower than SQLite's
    // on a busy disk. Visibility and isolation are unchanged; only crash durability of this
    // throwaway test database is given up. Applies to every later connection to it.
    const { rows } = await client.query<{ db: string }>('select current_database() as db');
    await client.query(`alter database "${rows[0]!.db.replaceAll('"', '""')}" set synchronous_commit = off`);
    const stale = await client.query<{ nspname: string }>(
      `select nspname from pg_namespace where nspname like 'bst_%' and nspname < $1`,
      [`bst_${(Date.now() - 6 * 3600_000).toString(36)}`],
    );
    for (const { nspname } of stale.rows) await client.query(`drop schema if exists "${nspname}" cascade`);
  } finally {
    await client.end();
  }
}
