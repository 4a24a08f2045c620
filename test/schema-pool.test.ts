import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createUser } from '../src/features/accounts/index.js';
import type { Database } from '../src/storage/db.js';
import { createTestDatabase, ownTables } from './helpers.js';

/** Every row of every table, so two databases can be compared whole. */
async function contents(database: Database): Promise<Record<string, unknown[]>> {
  const all: Record<string, unknown[]> = {};
  for (const { name } of await ownTables(database)) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(database.db);
    all[name] = rows;
  }
  return all;
}

const schemaOf = async (database: Database): Promise<string> =>
  (await sql<{ s: string }>`select current_schema() as s`.execute(database.db)).rows[0]!.s;

describe('a test database on postgres reused within a file', () => {
  it('comes back exactly as freshly migrated: no rows left, ids from 1 again', async () => {
    const first = await createTestDatabase('postgres');
    const fresh = await contents(first.database);
    const schema = await schemaOf(first.database);
    const clock = { now: () => new Date('2026-06-15T12:00:00Z') };
    const id = await createUser(
      { db: first.database.db, clock, hashPassword: async () => 'scrypt$1024$8$1$x$y' },
      { email: 'a@lantern.example', name: 'A', role: 'admin', password: 'correct horse battery staple' },
    );
    await first.drop();

    const second = await createTestDatabase('postgres');
    try {
      expect(await schemaOf(second.database)).toBe(schema);
      expect(await contents(second.database)).toEqual(fresh);
      const again = await createUser(
        { db: second.database.db, clock, hashPassword: async () => 'scrypt$1024$8$1$x$y' },
        { email: 'b@lantern.example', name: 'B', role: 'admin', password: 'correct horse battery staple' },
      );
      expect(again).toBe(id);
    } finally {
      await second.drop();
    }
  });

  it('is never reused once its name was handed out, say to a child process', async () => {
    const first = await createTestDatabase('postgres');
    const name = first.schema;
    await first.drop();
    const second = await createTestDatabase('postgres');
    try {
      expect(await schemaOf(second.database)).not.toBe(name);
    } finally {
      await second.drop();
    }
  });
});
