import { CompiledQuery } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/helpers.js';
import { knownCommenterQuery } from './storage.js';

// bench/site.ts measured 3 comments a second on a site with 900,000 approved comments: SQLite
// answered "approved before?" by walking the (status, id) index. This keeps it on the index
// made for it, whatever else is added later, on both databases.
describe.each(DIALECTS)('posting a comment on a large site on %s', (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(dialect);
  });
  afterEach(async () => t.drop());

  it('looks the commenter up by address and state in one index, not among all approved comments', async () => {
    const db = t.database.db;
    const compiled = knownCommenterQuery(db, 'reader@example.org').compile();
    if (dialect === 'sqlite') {
      const plan = await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]));
      expect(plan.rows.map((r) => r.detail).join(' | ')).toMatch(/USING (COVERING )?INDEX comments_email_status \(author_email=\? AND status=\?\)/);
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
    const text = JSON.stringify(plan);
    expect(text).toContain('"Index Name":"comments_email_status"');
    expect(text).toMatch(/"Index Cond":"\(\(author_email = [^)]+\) AND \(status = [^)]+\)\)"/);
  });
});
