import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenPost } from '../../../test/fixtures.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';
import { termCountsAndTruth } from '../../../test/term-counts.js';
import { publishDuePosts } from './publishing.js';

describe.each(DIALECTS)('publishing scheduled posts on %s', (dialect) => {
  let t: TestApp;
  const db = () => t.ctx.database.db;
  beforeEach(async () => {
    t = await buildTestApp(dialect);
  });
  afterEach(async () => t.close());

  it('publishes each due post exactly once and counts it once in its month and on its author’s page, even when several runs race, leaving future and trashed ones alone', async () => {
    const due: number[] = [];
    for (const hour of [11, 12, 13]) due.push(await givenPost(t.ctx, { status: 'scheduled', publishedAt: `2026-06-15T${hour}:00:00Z` }));
    const later = await givenPost(t.ctx, { status: 'scheduled', publishedAt: '2026-06-16T09:00:00Z' });
    const trashed = await givenPost(t.ctx, { status: 'scheduled', publishedAt: '2026-06-15T10:00:00Z' });
    await db().updateTable('posts').set({ deleted_at: '2026-06-15T10:30:00.000Z' }).where('id', '=', trashed).execute();

    const runs = await Promise.all([1, 2, 3, 4].map(() => publishDuePosts(db(), '2026-06-15T13:00:00Z')));
    expect(runs.flat().sort((a, b) => a - b)).toEqual(due);
    const rows = await db().selectFrom('posts').select(['id', 'status']).orderBy('id').execute();
    expect(rows).toEqual([
      ...due.map((id) => ({ id, status: 'published' })),
      { id: later, status: 'scheduled' },
      { id: trashed, status: 'scheduled' },
    ]);
    const audit = await db().selectFrom('audit_log').select(['action', 'actor', 'subject', 'at']).orderBy('subject').execute();
    expect(audit).toEqual(due.map((id) => ({ action: 'post.publish', actor: 'scheduler', subject: `post:${id}`, at: '2026-06-15T13:00:00.000Z' })));
    expect(await publishDuePosts(db(), new Date('2026-06-15T13:00:00Z'))).toEqual([]);
    // The monthly counts took each post once, whichever run published it.
    expect(await db().selectFrom('archive_months').select(['language', 'year', 'month', 'posts']).execute()).toEqual([
      { language: 'en', year: 2026, month: 6, posts: 3 },
    ]);
    const terms = await termCountsAndTruth(db());
    expect(terms.table).toEqual(terms.truth);
  });
});
