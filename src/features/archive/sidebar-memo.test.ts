import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenPage, givenPost, givenSettings } from '../../../test/fixtures.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';
import { openDatabase } from '../../storage/db.js';

// The frame's and the sidebar's reads are remembered while the data version holds (SQLite);
// these pages must show every change at once all the same.

const monthsOf = (body: string) =>
  [...body.slice(body.indexOf('<div class="widget months">')).matchAll(/<li><a href="[^"]+">([^<]+)<\/a> \((\d+)\)<\/li>/g)].map((m) => `${m[1]} (${m[2]})`);

describe.each(DIALECTS)('pages after a change, on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(dialect, { now: '2026-06-30T20:00:00Z' });
  });
  afterEach(async () => t.close());

  it('count a new article in the monthly archive on the next page', async () => {
    await givenPost(t.ctx, { publishedAt: '2026-06-10T10:00:00Z' });
    expect(monthsOf((await t.app.inject('/')).body)).toEqual(['June 2026 (1)']);
    await givenPost(t.ctx, { publishedAt: '2026-06-11T10:00:00Z' });
    expect(monthsOf((await t.app.inject('/')).body)).toEqual(['June 2026 (2)']);
  });

  it('count an article dated ahead in the monthly archive once its time comes, with nothing written', async () => {
    await givenPost(t.ctx, { publishedAt: '2026-06-10T10:00:00Z' });
    await givenPost(t.ctx, { slug: 'at-eight', publishedAt: '2026-07-01T08:00:00Z' });
    expect(monthsOf((await t.app.inject('/')).body)).toEqual(['June 2026 (1)']);
    t.clock.set('2026-07-01T07:59:59Z');
    expect(monthsOf((await t.app.inject('/')).body)).toEqual(['June 2026 (1)']);
    t.clock.set('2026-07-01T08:00:00Z');
    expect(monthsOf((await t.app.inject('/')).body)).toEqual(['July 2026 (1)', 'June 2026 (1)']);
  });

  it('show a new site title and a new menu page on the next page', async () => {
    expect((await t.app.inject('/')).body).toContain('<title>Broadside</title>');
    await givenSettings(t.ctx, { title: 'The Lantern' });
    await givenPage(t.ctx, 'about', 'About us');
    const home = (await t.app.inject('/')).body;
    expect(home).toContain('<title>The Lantern</title>');
    expect(home).toContain('href="/about/"');
  });
});

describe('pages after another process wrote to the SQLite file', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp('sqlite', { now: '2026-06-30T20:00:00Z' });
  });
  afterEach(async () => t.close());

  it('count the article the other process published on the next page', async () => {
    await givenPost(t.ctx, { publishedAt: '2026-06-10T10:00:00Z' });
    expect(monthsOf((await t.app.inject('/')).body)).toEqual(['June 2026 (1)']);
    const other = await openDatabase({ kind: 'sqlite', file: path.join(t.ctx.config.dataDir, 'broadside.sqlite') });
    try {
      await givenPost({ ...t.ctx, database: other }, { publishedAt: '2026-05-02T10:00:00Z' });
    } finally {
      await other.close();
    }
    expect(monthsOf((await t.app.inject('/')).body)).toEqual(['June 2026 (1)', 'May 2026 (1)']);
  });
});
