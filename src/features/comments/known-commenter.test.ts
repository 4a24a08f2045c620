import { CompiledQuery } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers.js';
import { knownCommenterQuery } from './storage.js';

// bench/site.ts measured 3 comments a second on a site with 900,000 approved comments: SQLite
// answered "approved before?" by walking the (status, id) index. This keeps it on the index
// made for it, whatever else is added later.
describe('posting a comment on a large SQLite site', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase('sqlite');
  });
  afterEach(async () => t.drop());

  it('looks the commenter up by address and state in one index, not among all approved comments', async () => {
    const compiled = knownCommenterQuery(t.database.db, 'reader@example.org').compile();
    const plan = await t.database.db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
    );
    const detail = plan.rows.map((r) => r.detail).join(' | ');
    expect(detail).toMatch(/USING (COVERING )?INDEX comments_email_status \(author_email=\? AND status=\?\)/);
  });
});
