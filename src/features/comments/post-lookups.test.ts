import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/helpers.js';
import { postgresPlan, sqlitePlan } from '../../../test/query-plan.js';
import { approvedLinksQuery, bodyHash, duplicateQuery } from './storage.js';

// bench/site.ts posts thousands of comments from one address under one article: the duplicate
// check read the text of every one of them, and placing each new comment on its page read every
// comment of the post. These keep both on the indexes of migration 0015, on both databases.
describe.each(DIALECTS)('posting under an article with many comments on %s', (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(dialect);
  });
  afterEach(async () => t.drop());

  it('looks for a repeat among the comments of that post, address and text hash only', async () => {
    const db = t.database.db;
    const compiled = duplicateQuery(db, { postId: 7, email: 'reader@example.org', body: 'Same words.', hash: bodyHash('Same words.') }).compile();
    if (dialect === 'sqlite') {
      expect((await sqlitePlan(db, compiled)).join(' | ')).toContain('USING INDEX comments_post_email_hash (post_id=? AND author_email=? AND body_hash=?)');
      return;
    }
    const text = JSON.stringify(await postgresPlan(db, compiled));
    expect(text).toContain('"Index Name":"comments_post_email_hash"');
    expect(text).toMatch(/"Index Cond":"\(\(post_id = \d+\) AND \(author_email = [^)]+\) AND \(body_hash = [^)]+\)\)"/);
  });

  it('finds where a new comment lands from the index alone, without reading the comments', async () => {
    const db = t.database.db;
    const compiled = approvedLinksQuery(db, 7).compile();
    if (dialect === 'sqlite') {
      expect((await sqlitePlan(db, compiled)).join(' | ')).toBe('SEARCH comments USING COVERING INDEX comments_post_status_parent (post_id=? AND status=?)');
      return;
    }
    const text = JSON.stringify(await postgresPlan(db, compiled));
    expect(text).toContain('"Index Name":"comments_post_status_parent"');
    expect(text).not.toContain('"Node Type":"Sort"');
  });

  it('hashes a text the same way every time, into a 32-bit integer', () => {
    expect(bodyHash('Same words.')).toBe(bodyHash('Same words.'));
    expect(bodyHash('Same words.')).not.toBe(bodyHash('Same words!'));
    expect(Number.isInteger(bodyHash('x')) && Math.abs(bodyHash('x')) < 2 ** 31).toBe(true);
  });
});
