import { PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { postgresNotifications } from './postgres-notifications.js';
import type { DialectHelpers, OpenedDialect } from './types.js';

export const postgresHelpers: DialectHelpers = {
  name: 'postgres',
  textType: 'text',
  addIdColumn: (table) =>
    table.addColumn('id', 'integer', (col) => col.primaryKey().generatedByDefaultAsIdentity()),
  references: (col, target) => col.references(target),
  claim: (db, pick, take) =>
    db.transaction().execute(async (trx) => {
      const ids = (await pick(trx).forUpdate().skipLocked().execute()).map((row) => row.id);
      return ids.length ? take(trx, ids) : [];
    }),
  resetIdSequence: async (db, table) => {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(db);
  },
};

export interface PostgresOptions {
  url: string;
  /** Schema to use instead of `public` (tests give each run its own). */
  schema?: string;
  maxConnections?: number;
}

/** Opens a pool; `check()` turns connection failures into one line saying what to fix. */
export function openPostgres(options: PostgresOptions): OpenedDialect {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 5000,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client's error (server restart) must not crash the process; the next query retries.
  pool.on('error', () => {});
  return {
    dialect: new PostgresDialect({ pool }),
    helpers: postgresHelpers,
    notifications: postgresNotifications(pool, options),
    // Other processes write without telling this one anything it could count.
    dataVersion: () => null,
    check: async () => {
      try {
        await pool.query('select 1');
      } catch (error) {
        const where = describeUrl(options.url);
        const reason = (error as Error).message || (error as { code?: string }).code || 'unknown error';
        throw new Error(
          `Cannot connect to PostgreSQL at ${where}: ${reason}. Check DATABASE_URL and that the server is running.`,
          { cause: error },
        );
      }
    },
    close: async () => {},
  };
}

/** host:port/db of a URL, without the password. */
function describeUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}
