import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/helpers.js';
import { openSecondConnection } from '../../../test/second-connection.js';
import type { Database } from '../../storage/db.js';
import { hitLimit } from './service.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const RULE = { limit: 10, windowMs: 3600_000 };

describe.each(DIALECTS)('rate limits shared by app processes on %s', (dialect) => {
  let t: TestDatabase;
  let other: Database | null;
  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    // On PostgreSQL a second pool, as another `serve` process opens it; SQLite serves one process.
    other = dialect === 'postgres' ? await openSecondConnection(t) : null;
  });
  afterEach(async () => {
    await other?.close();
    await t.drop();
  });

  it('lets exactly the limit through when a burst of requests lands on two processes at once', async () => {
    const dbs = [t.database.db, (other ?? t.database).db];
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => hitLimit(dbs[i % 2]!, 'comment:ip:burst', RULE, NOW)));
    expect(results.filter((r) => r.allowed)).toHaveLength(RULE.limit);
    const row = await t.database.db.selectFrom('rate_limits').selectAll().where('key', '=', 'comment:ip:burst').executeTakeFirstOrThrow();
    expect(row.blocked_until).not.toBeNull();
  });

  it('counts a new window from the first hit after the last one ran out', async () => {
    for (let i = 0; i < RULE.limit; i++) expect((await hitLimit(t.database.db, 'k', RULE, NOW)).allowed).toBe(true);
    expect((await hitLimit(t.database.db, 'k', RULE, NOW)).allowed).toBe(false);
    const later = new Date(NOW.getTime() + RULE.windowMs + 1);
    expect(await hitLimit(t.database.db, 'k', RULE, later)).toEqual({ allowed: true, retryAfter: 0 });
  });
});
