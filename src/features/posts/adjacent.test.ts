import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenPost, givenTrashed } from '../../../test/fixtures.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';
import { adjacentPostQuery } from './read.js';
import { sqlitePlan } from '../../../test/query-plan.js';

const neighboursOf = (body: string) => ({
  previous: body.match(/<a href="([^"]+)" rel="prev">/)?.[1] ?? null,
  next: body.match(/<a href="([^"]+)" rel="next">/)?.[1] ?? null,
});

describe.each(DIALECTS)('previous and next article links on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(dialect, { now: '2026-06-15T12:00:00Z' });
  });
  afterEach(async () => t.close());

  it('link the nearest visible articles in the same language, ties at one instant in the order they were written', async () => {
    await givenPost(t.ctx, { slug: 'first', publishedAt: '2026-03-01T10:00:00Z' });
    await givenPost(t.ctx, { slug: 'russian-between', language: 'ru', publishedAt: '2026-03-02T10:00:00Z' });
    await givenPost(t.ctx, { slug: 'draft-between', status: 'draft', publishedAt: '2026-03-02T11:00:00Z' });
    const trashed = await givenPost(t.ctx, { slug: 'trashed-between', publishedAt: '2026-03-02T12:00:00Z' });
    await givenTrashed(t.ctx, trashed);
    await givenPost(t.ctx, { slug: 'same-instant-a', publishedAt: '2026-03-03T10:00:00Z' });
    await givenPost(t.ctx, { slug: 'same-instant-b', publishedAt: '2026-03-03T10:00:00Z' });
    await givenPost(t.ctx, { slug: 'last', publishedAt: '2026-03-04T10:00:00Z' });
    await givenPost(t.ctx, { slug: 'scheduled', status: 'scheduled', publishedAt: '2026-07-01T10:00:00Z' });

    const links = async (slug: string) => neighboursOf((await t.app.inject(`/2026/03/${slug}/`)).body);
    expect(await links('first')).toEqual({ previous: null, next: '/2026/03/same-instant-a/' });
    expect(await links('same-instant-a')).toEqual({ previous: '/2026/03/first/', next: '/2026/03/same-instant-b/' });
    expect(await links('same-instant-b')).toEqual({ previous: '/2026/03/same-instant-a/', next: '/2026/03/last/' });
    expect(await links('last')).toEqual({ previous: '/2026/03/same-instant-b/', next: null });
  });
});

describe('the previous and next article queries on SQLite', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp('sqlite');
  });
  afterEach(async () => t.close());

  it('enter the index at the article and bound the next one by now, not read the archive from its far end', async () => {
    const db = t.ctx.database.db;
    const post = { id: 10, publishedAt: '2014-01-15T10:00:00.000Z', language: 'en' };
    const compiled = adjacentPostQuery(db, post, '2026-06-15T12:00:00.000Z', 'next').compile();
    expect((await sqlitePlan(db, compiled)).join(' | ')).toMatch(/published_at>\? AND published_at<\?/);
    // Before the article, its own instant is the only upper bound (of two, SQLite may seek from the looser).
    const previous = adjacentPostQuery(db, post, '2026-06-15T12:00:00.000Z', 'previous').compile();
    expect(previous.parameters).not.toContain('2026-06-15T12:00:00.000Z');
  });
});
