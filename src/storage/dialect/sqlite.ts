import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { type SqliteDatabase, SqliteDialect } from 'kysely';
import { type Checkpointer, startCheckpointer } from './sqlite-checkpointer.js';
import type { DialectHelpers, OpenedDialect } from './types.js';

export const sqliteHelpers: DialectHelpers = {
  name: 'sqlite',
  textType: 'text',
  addIdColumn: (table) => table.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement()),
  references: (col, target) => col.references(target),
  // No transaction: a deferred one that reads and then writes fails when another connection
  // wrote in between. Each update runs whole under the one writer lock, and re-checks its rows.
  claim: async (db, pick, take) => {
    const ids = (await pick(db).execute()).map((row) => row.id);
    return ids.length ? take(db, ids) : [];
  },
  // AUTOINCREMENT keeps the largest id ever inserted in sqlite_sequence, explicit ones included.
  resetIdSequence: async () => {},
};

/** Prepared statements kept per connection; past this the oldest is dropped. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The database as Kysely sees it, preparing each distinct SQL text once: Kysely prepares every
 * query anew, and compiling the statement was a tenth of a page's time. Reusing a statement is
 * safe because better-sqlite3 runs it to completion synchronously (nothing here streams with
 * `iterate`, the one call that would hold a statement open across awaits).
 */
function withStatementCache(database: Database.Database, onWrite: () => void): SqliteDatabase {
  const statements = new Map<string, Database.Statement>();
  return {
    prepare: (sql) => {
      let statement = statements.get(sql);
      if (!statement) {
        statement = database.prepare(sql);
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      // Kysely runs what it prepares at once (synchronously), so this precedes the write.
      if (!statement.readonly) onWrite();
      return statement;
    },
    close: () => {
      statements.clear();
      database.close();
    },
  };
}

/**
 * A `changedElsewhere` for this connection: `PRAGMA data_version` changes when any other
 * connection (another process, or another handle in this one) commits, never for this
 * connection's own writes. True after a change; false on the first call, and after an error
 * (a closed database), since then nothing can be served from it anyway.
 */
function dataVersionWatch(database: Database.Database): () => boolean {
  const statement = database.prepare('pragma data_version').pluck();
  let last: unknown;
  return () => {
    let now: unknown;
    try {
      now = statement.get();
    } catch {
      return false;
    }
    const moved = last !== undefined && now !== last;
    last = now;
    return moved;
  };
}

/**
 * The `dataVersion` of this connection: its own writes, counted as Kysely prepares them, and
 * `PRAGMA data_version`, which moves when any other connection commits. Null after an error.
 */
function dataVersion(database: Database.Database): { version: () => string | null; wrote: () => void } {
  const statement = database.prepare('pragma data_version').pluck();
  let writes = 0;
  return {
    version: () => {
      try {
        return `${writes}.${String(statement.get())}`;
      } catch {
        return null;
      }
    },
    wrote: () => {
      writes++;
    },
  };
}

/**
 * Opens (creating if needed) the SQLite file with WAL journaling, foreign keys enforced and a
 * busy timeout, so a crash never leaves a half-written transaction and readers never block
 * the writer. Throws Error with a user-facing message when the file cannot be opened.
 */
export function openSqlite(file: string): OpenedDialect {
  let database: Database.Database;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    database = new Database(file);
    database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    database.pragma('synchronous = NORMAL');
  } catch (error) {
    throw new Error(`Cannot open the SQLite database ${file}: ${(error as Error).message}`, { cause: error });
  }
  const version = dataVersion(database);
  let checkpointer: Checkpointer | undefined;
  return {
    dialect: new SqliteDialect({ database: withStatementCache(database, version.wrote) }),
    helpers: sqliteHelpers,
    dataVersion: version.version,
    // One serving process per SQLite file: there is nobody to tell. CLI commands (import, user
    // create) write from their own process; the server sees that through the data version.
    notifications: {
      notify: async () => {},
      listen: async () => ({ stop: async () => {}, interrupt: () => {} }),
      changedElsewhere: dataVersionWatch(database),
    },
    check: async () => {
      database.prepare('select 1').get();
    },
    // A file only: an in-memory database has no WAL, and no other connection could reach it.
    checkpointInBackground: (problem) => {
      if (!checkpointer && database.name !== ':memory:' && database.name !== '' && database.open) {
        checkpointer = startCheckpointer(database, database.name, problem);
      }
    },
    stopBackground: async () => {
      await checkpointer?.stop();
    },
    close: async () => {},
  };
}
