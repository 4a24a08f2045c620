import path from 'node:path';
import { Kysely, type MigrationResultSet, Migrator, sql } from 'kysely';
import { openSqlite } from './dialect/sqlite.js';
import type { DialectHelpers, DialectName, Notifications, OpenedDialect } from './dialect/types.js';
import { migrationProvider } from './migrations/index.js';
import type { DB } from './schema.js';

export type { DB } from './schema.js';
export type { DialectName, Listening, Notifications } from './dialect/types.js';

/** An open database: the Kysely instance plus what differs between dialects. */
export interface Database {
  readonly db: Kysely<DB>;
  readonly dialect: DialectName;
  readonly helpers: DialectHelpers;
  /** Messages to the other processes on this database (PostgreSQL NOTIFY; nothing on SQLite). */
  readonly notifications: Notifications;
  /** Where the data lives, without credentials, for log lines. */
  readonly description: string;
  /**
   * A token that is the same on two calls only when no write can have committed in between,
   * by this process or any other: what may be remembered from the database stays true while it
   * holds. SQLite: this connection's writes (counted as they start) and PRAGMA data_version
   * (other connections' commits). Null when it cannot tell (always on PostgreSQL, where other
   * processes write): then nothing may be remembered. Synchronous and cheap; never throws.
   */
  dataVersion(): string | null;
  /**
   * For a serving process: on a SQLite file, WAL checkpoints run on a worker thread instead of
   * inside whichever commit crosses 1,000 pages (see sqlite-checkpointer.ts); `close` stops it
   * first. Does nothing on PostgreSQL or in memory. Never throws; later problems go to `problem`.
   */
  checkpointInBackground(problem: (message: string, error?: unknown) => void): void;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string; schema?: string; maxConnections?: number };

/** SQLite in the data folder unless a PostgreSQL URL is given. */
export function databaseTarget(config: { dataDir: string; databaseUrl: string }): DatabaseTarget {
  return config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl }
    : { kind: 'sqlite', file: path.join(config.dataDir, 'broadside.sqlite') };
}

/**
 * Opens the database and checks that it answers. Throws Error with one user-facing line
 * (what is wrong and what to fix) when it cannot.
 */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  // pg is loaded only for PostgreSQL: on SQLite it was ~80 ms of every cold start (its module
  // setup pulls in Node's fetch implementation).
  const opened: OpenedDialect =
    target.kind === 'sqlite' ? openSqlite(target.file) : (await import('./dialect/postgres.js')).openPostgres(target);
  const db = new Kysely<DB>({ dialect: opened.dialect });
  try {
    await opened.check();
  } catch (error) {
    await db.destroy().catch(() => {});
    throw error;
  }
  const description =
    target.kind === 'sqlite' ? `SQLite ${target.file}` : `PostgreSQL ${new URL(target.url).host}${new URL(target.url).pathname}`;
  return {
    db,
    dialect: opened.helpers.name,
    helpers: opened.helpers,
    notifications: opened.notifications,
    description,
    dataVersion: opened.dataVersion,
    checkpointInBackground: (problem) => opened.checkpointInBackground?.(problem),
    close: async () => {
      await opened.stopBackground?.();
      await db.destroy();
      await opened.close();
    },
  };
}

/** Result of a migration run: what was applied, and the error that stopped it, if any. */
export interface MigrateOutcome {
  applied: string[];
  error?: Error;
}

/** Applies every pending migration in order. Never throws; reports what happened. */
export async function migrateToLatest(database: Database): Promise<MigrateOutcome> {
  // Kysely looks for its bookkeeping tables in every schema; pin them to ours so two sites
  // (or two test runs) in separate schemas of one PostgreSQL database never see each other's.
  const schema =
    database.dialect === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({
    db: database.db,
    provider: migrationProvider(database.helpers),
    // Migrations are numbered per feature and landed in parallel, so a database may already hold
    // a higher number than one that arrives later; each migration touches only its own tables,
    // so applying the late one afterwards is safe.
    allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  for (let attempt = 1; ; attempt++) {
    const { results, error }: MigrationResultSet = await migrator.migrateToLatest();
    const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    // Kysely's introspection lists the tables of every schema; when another schema is dropped
    // at that moment (another site or test run), it fails before doing anything. Try again.
    if (error && applied.length === 0 && attempt < 4 && isVanishedSchemaError(error)) continue;
    return { applied, ...(error ? { error: error instanceof Error ? error : new Error(String(error)) } : {}) };
  }
}

function isVanishedSchemaError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '3F000' || code === '42P01' || code === '42703';
}
