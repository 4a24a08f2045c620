import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenPost, givenSettings } from '../../../test/fixtures.js';
import { buildTestApp, createTestDatabase, type TestApp } from '../../../test/helpers.js';
import { openSecondConnection } from '../../../test/second-connection.js';
import type { Database } from '../../storage/db.js';

const ARTICLE = '/2026/01/the-vote/';

// On PostgreSQL every writer NOTIFYs (coherence.test.ts). On SQLite a CLI command (`broadside
// import`, `user create`) writes from its own process, which no server hears: the server finds
// out from the database itself. A second connection to the file is what such a process opens.
describe('the page cache of a server on SQLite when another process writes to its file', () => {
  let t: TestApp;
  let other: Database;
  const hits = () => t.ctx.pageCache!.stats.hits;
  beforeEach(async () => {
    const database = await createTestDatabase('sqlite');
    t = await buildTestApp('sqlite', { config: { pageCache: 'on' }, database });
    other = await openSecondConnection(database);
    await givenSettings(t.ctx, { title: 'The Lantern', timeZone: 'UTC' });
    await givenPost(t.ctx, { title: 'The vote', slug: 'the-vote', publishedAt: '2026-01-15T10:00:00Z' });
  });
  afterEach(async () => {
    await other.close();
    await t.close();
  });

  it('shows a headline another process changed on the very next request', async () => {
    await t.app.inject(ARTICLE);
    await t.app.inject('/');
    expect((await t.app.inject(ARTICLE)).body).toContain('The vote');
    expect(hits()).toBe(1);
    await other.db.updateTable('posts').set({ title: 'The vote, recounted' }).where('slug', '=', 'the-vote').execute();
    expect((await t.app.inject(ARTICLE)).body).toContain('The vote, recounted');
    expect((await t.app.inject('/')).body).toContain('The vote, recounted');
    expect(hits()).toBe(1);
    // Then serves from memory again.
    await t.app.inject(ARTICLE);
    expect(hits()).toBe(2);
  });

  it('keeps its pages when only its own connection writes, since its own changes invalidate precisely', async () => {
    await t.app.inject(ARTICLE);
    await givenPost(t.ctx, { title: 'Far away', slug: 'far-away', publishedAt: '2019-03-01T10:00:00Z' });
    await t.app.inject(ARTICLE);
    expect(hits()).toBe(1);
  });
});
