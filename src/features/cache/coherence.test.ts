import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { givenAuthor, givenPost, givenSettings } from '../../../test/fixtures.js';
import { buildTestApp, type TestApp } from '../../../test/helpers.js';
import { openSecondConnection } from '../../../test/second-connection.js';
import { type PostInput, updatePost } from '../posts/index.js';

const ARTICLE = '/2026/01/the-vote/';

// Two app processes on one PostgreSQL schema, as `serve --workers 2` or two hosts run them.
describe('page caches of two processes on one PostgreSQL', () => {
  let a: TestApp;
  let b: TestApp;
  let postId: number;
  beforeEach(async () => {
    a = await buildTestApp('postgres', { config: { pageCache: 'on' } });
    const shared = { database: a.ctx.database, dataDir: a.ctx.config.dataDir, drop: async () => {} };
    const second = await openSecondConnection(shared);
    b = await buildTestApp('postgres', {
      config: { pageCache: 'on' },
      database: { database: second, dataDir: shared.dataDir, drop: () => second.close() },
    });
    await Promise.all([a.ctx.pageCache!.listen(), b.ctx.pageCache!.listen()]);
    await givenSettings(a.ctx, { title: 'The Lantern', timeZone: 'UTC' });
    postId = await givenPost(a.ctx, { title: 'The vote', slug: 'the-vote', publishedAt: '2026-01-15T10:00:00Z' });
  });
  afterEach(async () => {
    await b.close();
    await a.close();
  });

  it('shows a headline corrected through one process on the other at once, its cached copy dropped by NOTIFY', async () => {
    await b.app.inject(ARTICLE);
    await b.app.inject(ARTICLE);
    expect(b.ctx.pageCache!.stats.hits).toBe(1);
    const invalidator = a.ctx.pageCache!.invalidator;
    const input = { title: 'The vote, recounted', slug: 'the-vote', body: 'Recounted.', status: 'published', language: 'en',
      publishedAt: '2026-01-15T10:00:00Z', authorIds: [await givenAuthor(a.ctx)] } as PostInput;
    const changedAt = Date.now();
    await updatePost({ db: a.ctx.database.db, clock: a.clock, invalidator }, postId, input);
    await vi.waitFor(() => expect(b.ctx.pageCache!.lookup(ARTICLE)).toBeUndefined(), { timeout: 2000, interval: 10 });
    expect(Date.now() - changedAt).toBeLessThan(2000);
    expect((await b.app.inject(ARTICLE)).body).toContain('The vote, recounted');
  });

  it('drops everything it holds after its listening connection is lost and comes back, since it may have missed a change', async () => {
    await b.app.inject(ARTICLE);
    await b.app.inject('/');
    // Two pages, and their two sidebars (the article's month, this month).
    expect(b.ctx.pageCache!.store.size.entries).toBe(4);
    const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(b.ctx.database.db)).rows[0]!.s;
    const killed = await sql<{ pid: number }>`select pg_terminate_backend(pid) as pid from pg_stat_activity
      where query = ${`listen "broadside_cache_${schema}"`}`.execute(a.ctx.database.db);
    expect(killed.rows.length).toBe(2);
    await vi.waitFor(() => expect(b.ctx.pageCache!.store.size.entries).toBe(0), { timeout: 5000, interval: 20 });
    // And it hears changes again afterwards.
    await b.app.inject(ARTICLE);
    await vi.waitFor(async () => {
      await a.ctx.pageCache!.invalidator.invalidate([`post:${postId}`]);
      expect(b.ctx.pageCache!.lookup(ARTICLE)).toBeUndefined();
    }, { timeout: 5000, interval: 200 });
  });
});
