import { CompiledQuery } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/helpers.js';
import { expiredIpsQuery } from './retention.js';

// The IP retention sweep runs every 15 seconds. Through the index on created_at alone it read
// every comment older than the retention period, their addresses long erased: 5–6 s a run on
// SQLite with a million of them, the server frozen meanwhile. This keeps it on the index of the
// comments that still hold an address, on both databases.
describe.each(DIALECTS)('erasing old IP addresses on a site with years of comments on %s', (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(dialect);
  });
  afterEach(async () => t.drop());

  it('reads only the comments that still hold an address, through their own index, not every old comment', async () => {
    const db = t.database.db;
    const compiled = expiredIpsQuery(db, '2026-03-01T00:00:00.000Z').compile();
    if (dialect === 'sqlite') {
      const plan = await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]));
      expect(plan.rows.map((r) => r.detail).join(' | ')).toMatch(/^SEARCH comments USING (COVERING )?INDEX comments_ip_created \(created_at<\?\)$/);
      return;
    }
    // An empty table would be read whole: rule that out so the planner shows the index it would use.
    const plan = await db.connection().execute(async (conn) => {
      await conn.executeQuery(CompiledQuery.raw('set enable_seqscan = off'));
      try {
        return (await conn.executeQuery<{ 'QUERY PLAN': unknown }>(CompiledQuery.raw(`explain (format json) ${compiled.sql}`, [...compiled.parameters]))).rows[0]!;
      } finally {
        await conn.executeQuery(CompiledQuery.raw('reset enable_seqscan'));
      }
    });
    expect(JSON.stringify(plan)).toContain('"Index Name":"comments_ip_created"');
  });
});
