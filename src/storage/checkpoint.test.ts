import fs from 'node:fs';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS } from '../../test/helpers.js';
import { openSecondConnection } from '../../test/second-connection.js';
import { walProgress } from '../../test/sqlite-wal.js';
import { openDatabase } from './db.js';

/** Rows of 16 KB in separate commits: 300 of them fill some 1,800 pages of SQLite's WAL. */
async function writeRows(db: Kysely<any>, count: number): Promise<void> {
  await sql`create table checkpoint_load (id integer primary key, body text not null)`.execute(db);
  for (let i = 1; i <= count; i++) {
    await sql`insert into checkpoint_load (id, body) values (${i}, ${`${i}:`.padEnd(16_384, 'x')})`.execute(db);
  }
}

async function countRows(db: Kysely<any>): Promise<number> {
  return Number((await sql<{ n: number }>`select count(*) as n from checkpoint_load`.execute(db)).rows[0]!.n);
}

describe.each(DIALECTS)('a serving process on %s', (dialect) => {
  it('has what it commits copied from the SQLite WAL into the database by a worker thread, not by its own commits, and finds every row after a restart', async () => {
    const t = await createTestDatabase(dialect);
    const problems: string[] = [];
    let dropped = false;
    try {
      t.database.checkpointInBackground((message) => problems.push(message));
      if (dialect === 'sqlite') {
        // The serving connection stops checkpointing on commit once the worker is ready.
        const autocheckpoint = async () => (await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(t.database.db)).rows[0]!.wal_autocheckpoint;
        await expect.poll(autocheckpoint, { timeout: 10_000 }).toBe(0);
      }
      await writeRows(t.database.db, 300);
      if (dialect === 'sqlite') {
        const file = path.join(t.dataDir, 'broadside.sqlite');
        // Past 1,000 pages the serving connection would have checkpointed and restarted the WAL;
        // instead it holds every frame, and the worker copies them all into the database.
        await expect.poll(() => {
          const wal = walProgress(file)!;
          return wal.frames > 1500 && wal.backfilled === wal.frames;
        }, { timeout: 10_000 }).toBe(true);
        await t.database.close();
        dropped = true;
        const reopened = await openDatabase({ kind: 'sqlite', file });
        try {
          expect(await countRows(reopened.db)).toBe(300);
          expect((await sql<{ integrity_check: string }>`pragma integrity_check`.execute(reopened.db)).rows[0]!.integrity_check).toBe('ok');
        } finally {
          await reopened.close();
        }
      } else {
        const second = await openSecondConnection(t);
        try {
          expect(await countRows(second.db)).toBe(300);
        } finally {
          await second.close();
        }
      }
      expect(problems).toEqual([]);
    } finally {
      if (dropped) fs.rmSync(t.dataDir, { recursive: true, force: true });
      else await t.drop();
    }
  }, 30_000);
});
