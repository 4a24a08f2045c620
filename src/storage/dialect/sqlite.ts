import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SqliteDialect } from 'kysely';
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
  return {
    dialect: new SqliteDialect({ database }),
    helpers: sqliteHelpers,
    check: async () => {
      database.prepare('select 1').get();
    },
    close: async () => {},
  };
}
