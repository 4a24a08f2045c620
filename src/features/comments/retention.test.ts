import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/helpers.js';
import { postgresPlan, sqlitePlan } from '../../../test/query-plan.js';
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
      expect((await sqlitePlan(db, compiled)).join(' | ')).toMatch(/^SEARCH comments USING (COVERING )?INDEX comments_ip_created \(created_at<\?\)$/);
      return;
    }
    expect(JSON.stringify(await postgresPlan(db, compiled))).toContain('"Index Name":"comments_ip_created"');
  });
});
