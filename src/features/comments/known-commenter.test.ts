import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/helpers.js';
import { postgresPlan, sqlitePlan } from '../../../test/query-plan.js';
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
      expect((await sqlitePlan(db, compiled)).join(' | ')).toMatch(/USING (COVERING )?INDEX comments_email_status \(author_email=\? AND status=\?\)/);
      return;
    }
    const text = JSON.stringify(await postgresPlan(db, compiled));
    expect(text).toContain('"Index Name":"comments_email_status"');
    expect(text).toMatch(/"Index Cond":"\(\(author_email = [^)]+\) AND \(status = [^)]+\)\)"/);
  });
});
