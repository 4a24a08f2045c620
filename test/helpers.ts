import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { pino } from 'pino';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { AppContext } from '../src/context.js';
import { createPageCache } from '../src/features/cache/index.js';
import type { StripeFactory } from '../src/features/funding/index.js';
import { fixedClock } from '../src/lib/clock.js';
import { type Database, type DialectName, migrateToLatest, openDatabase } from '../src/storage/db.js';
import { TEST_DATABASE_URL } from './database-url.js';
import { idlePostgresSchemas, migratedSqliteTemplate, ownTables, resetSchema, takeSnapshot } from './schema-pool.js';

export { ownTables } from './schema-pool.js';

/** Every storage and HTTP test runs once per dialect. */
export const DIALECTS: DialectName[] = ['sqlite', 'postgres'];

export type TestClock = ReturnType<typeof fixedClock>;

export interface TestDatabase {
  database: Database;
  dataDir: string;
  /** The PostgreSQL schema of this database (undefined on SQLite), for processes pointed at it. */
  schema?: string;
  /** Closes the connection and removes the file or schema. */
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database: a real SQLite file in a temp folder, or a new schema on the
 * test PostgreSQL server, so parallel files and runs never see each other's rows.
 */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadside-test-'));
  if (dialect === 'sqlite') {
    const file = path.join(dataDir, 'broadside.sqlite');
    // A copy of a file migrated once per test file: the same bytes as migrating this one.
    fs.copyFileSync(await migratedSqliteTemplate(), file);
    const database = await openDatabase({ kind: 'sqlite', file });
    return {
      database,
      dataDir,
      drop: async () => {
        await database.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const reused = idlePostgresSchemas.pop();
  const schema = reused?.name ?? `bst_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  if (!reused) await adminQuery(`create schema "${schema}"`);
  const database = await openDatabase({ kind: 'postgres', url: TEST_DATABASE_URL, schema, maxConnections: 4 });
  let snapshot = reused?.snapshot;
  if (!snapshot) {
    await mustMigrate(database, async () => {
      await adminQuery(`drop schema if exists "${schema}" cascade`);
      fs.rmSync(dataDir, { recursive: true, force: true });
    });
    snapshot = await takeSnapshot(database);
  }
  // A schema whose name was handed out (to a child process, say) may still be written to
  // after the test; it is dropped, never reused.
  let handedOut = false;
  let dropped = false;
  const pooled = { name: schema, snapshot };
  return {
    database,
    dataDir,
    get schema() {
      handedOut = true;
      return schema;
    },
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (!handedOut && (await resetSchema(pooled))) idlePostgresSchemas.push(pooled);
      else await adminQuery(`drop schema if exists "${schema}" cascade`);
    },
  };
}

/** Migrates, or closes the database, runs `cleanup` and rethrows, so a failure leaves nothing behind. */
export async function mustMigrate(database: Database, cleanup: () => Promise<void>): Promise<void> {
  const outcome = await migrateToLatest(database);
  if (!outcome.error) return;
  await database.close();
  await cleanup();
  throw outcome.error;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  clock: TestClock;
  close(): Promise<void>;
}

/**
 * The real app over a fresh database with a clock standing at `now`; drive it with `app.inject`.
 * The page cache is off unless `config.pageCache` is 'on' (fixtures write around the services).
 */
export async function buildTestApp(
  dialect: DialectName,
  options: {
    now?: string;
    config?: Partial<Record<'trustProxy' | 'stripeSecretKey' | 'stripeWebhookSecret' | 'pageCache' | 'pageCacheMb', string>>;
    stripe?: StripeFactory;
    database?: TestDatabase;
  } = {},
): Promise<TestApp> {
  const testDb = options.database ?? (await createTestDatabase(dialect));
  const clock = fixedClock(options.now ?? '2026-06-15T12:00:00Z');
  const config = loadConfig({}, { port: 0, dataDir: testDb.dataDir, logLevel: 'silent', pageCache: 'off', ...options.config });
  const log = pino({ level: 'silent' });
  const pageCache = createPageCache({
    enabled: config.pageCache, maxBytes: config.pageCacheMb * 1024 * 1024, clock, log, notifications: testDb.database.notifications,
  });
  const ctx: AppContext = { config, database: testDb.database, clock, log, pageCache, ...(options.stripe ? { stripe: options.stripe } : {}) };
  const app = await buildApp(ctx);
  await app.ready();
  return {
    app,
    ctx,
    clock,
    close: async () => {
      await app.close();
      await pageCache.stop();
      await testDb.drop();
    },
  };
}
