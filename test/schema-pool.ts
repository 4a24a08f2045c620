import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { type Database, migrateToLatest, openDatabase } from '../src/storage/db.js';
import { TEST_DATABASE_URL } from './database-url.js';

/**
 * Creating and migrating a PostgreSQL schema is dozens of DDL statements, a second or more on
 * a busy 2-core machine, for every test on PostgreSQL. A dropped test database's schema is
 * instead emptied back to its freshly migrated state and handed to the next test of the same
 * file (`dropIdlePostgresSchemas` runs after each file, see ./per-file-setup.ts).
 */
interface PooledSchema {
  name: string;
  snapshot: Snapshot;
}

interface Snapshot {
  tables: string[];
  /** Rows the migrations themselves wrote (defaults, bookkeeping), as JSON per table. */
  rows: { table: string; json: string }[];
  /** Every sequence, identity columns' included (information_schema.sequences omits those). */
  sequences: { name: string; value: string; called: boolean }[];
}

export const idlePostgresSchemas: PooledSchema[] = [];

export async function takeSnapshot(database: Database): Promise<Snapshot> {
  const tables = (await ownTables(database)).map((t) => t.name);
  const rows: Snapshot['rows'] = [];
  for (const table of tables) {
    const { rows: found } = await sql<{ json: string | null }>`
      select json_agg(t)::text as json from ${sql.table(table)} t`.execute(database.db);
    if (found[0]?.json) rows.push({ table, json: found[0].json });
  }
  const { rows: names } = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'S' and n.nspname = current_schema()`.execute(database.db);
  const sequences: Snapshot['sequences'] = [];
  for (const { name } of names) {
    const { rows: state } = await sql<{ value: string; called: boolean }>`
      select last_value::text as value, is_called as called from ${sql.table(name)}`.execute(database.db);
    sequences.push({ name, value: state[0]!.value, called: state[0]!.called });
  }
  return { tables, rows, sequences };
}

/** Empties the schema back to its snapshot; false (and the schema is dropped) when that fails or its tables changed. */
export async function resetSchema({ name, snapshot }: PooledSchema): Promise<boolean> {
  const q = (identifier: string): string => `"${identifier.replaceAll('"', '""')}"`;
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `select table_name as name from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE' order by 1`,
      [name],
    );
    if (rows.map((r) => r.name).join() !== [...snapshot.tables].sort().join()) return false;
    const statements = [
      'begin',
      // Foreign keys are enforced by triggers, which the replica role skips: delete in any order.
      'set local session_replication_role = replica',
      ...snapshot.tables.map((table) => `delete from ${q(name)}.${q(table)}`),
      ...snapshot.rows.map(
        ({ table, json }) =>
          `insert into ${q(name)}.${q(table)} select * from json_populate_recordset(null::${q(name)}.${q(table)}, '${json.replaceAll("'", "''")}')`,
      ),
      ...snapshot.sequences.map(
        ({ name: sequence, value, called }) => `select setval('${q(name)}.${q(sequence)}', ${Number(value)}, ${called})`,
      ),
      'commit',
    ];
    await client.query(statements.join(';\n'));
    return true;
  } catch {
    return false;
  } finally {
    await client.end();
  }
}

let sqliteTemplate: { dir: string; file: Promise<string> } | undefined;

/**
 * A migrated SQLite file, closed (so fully checkpointed, no -wal beside it), made once per test
 * file; each SQLite test database starts as a copy of it, the same bytes as migrating anew.
 */
export function migratedSqliteTemplate(): Promise<string> {
  if (!sqliteTemplate) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadside-template-'));
    const file = path.join(dir, 'broadside.sqlite');
    sqliteTemplate = {
      dir,
      file: (async () => {
        const database = await openDatabase({ kind: 'sqlite', file });
        const outcome = await migrateToLatest(database);
        await database.close();
        if (outcome.error) throw outcome.error;
        return file;
      })(),
    };
  }
  return sqliteTemplate.file;
}

/** Removes the SQLite template and drops the PostgreSQL schemas kept for reuse; runs after every test file. */
export async function releaseTestDatabases(): Promise<void> {
  if (sqliteTemplate) {
    const { dir, file } = sqliteTemplate;
    sqliteTemplate = undefined;
    await file.catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  await dropIdlePostgresSchemas();
}

/** Drops the schemas kept for reuse. */
async function dropIdlePostgresSchemas(): Promise<void> {
  const names = idlePostgresSchemas.splice(0).map((s) => `"${s.name}"`);
  if (names.length === 0) return;
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${names.join(', ')} cascade`);
  } finally {
    await client.end();
  }
}

/**
 * The tables of this database and their columns. On PostgreSQL only this connection's own
 * schema is read: Kysely's introspector reads every schema on the server, and other test files
 * drop theirs concurrently, which makes it fail with "schema … does not exist".
 */
export async function ownTables(database: Database): Promise<{ name: string; columns: string[] }[]> {
  if (database.dialect === 'sqlite') {
    const tables = await database.db.introspection.getTables({ withInternalKyselyTables: true });
    return tables
      .filter((t) => !t.name.startsWith('sqlite_'))
      .map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name) }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position`.execute(database.db);
  const byTable = new Map<string, string[]>();
  for (const row of rows) {
    const columns = byTable.get(row.table_name) ?? [];
    columns.push(row.column_name);
    byTable.set(row.table_name, columns);
  }
  return [...byTable].map(([name, columns]) => ({ name, columns })).sort((a, b) => a.name.localeCompare(b.name));
}
