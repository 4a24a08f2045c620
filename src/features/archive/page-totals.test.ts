import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenPost, givenSettings, givenTrashed } from '../../../test/fixtures.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';

const pageCountOf = (body: string) => body.match(/Page \d+ of (\d+)/)?.[1];

describe.each(DIALECTS)('page counts of the home page and date archives on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(dialect, { now: '2026-06-15T12:00:00Z' });
  });
  afterEach(async () => t.close());

  it('count only the posts a reader can see, in the language asked for, and grow when a post’s time comes', async () => {
    await givenSettings(t.ctx, { postsPerPage: 2 });
    // Visible: four in English (three in June), one in Russian in June.
    for (const day of ['01', '02', '03']) await givenPost(t.ctx, { publishedAt: `2026-06-${day}T10:00:00Z` });
    await givenPost(t.ctx, { publishedAt: '2026-05-20T10:00:00Z' });
    await givenPost(t.ctx, { language: 'ru', publishedAt: '2026-06-04T10:00:00Z' });
    // Not visible: a draft, a scheduled post, a published one whose time has not come, one in the trash.
    await givenPost(t.ctx, { status: 'draft', publishedAt: '2026-06-05T10:00:00Z' });
    await givenPost(t.ctx, { status: 'scheduled', publishedAt: '2026-06-20T10:00:00Z' });
    await givenPost(t.ctx, { publishedAt: '2026-06-16T10:00:00Z' });
    await givenTrashed(t.ctx, await givenPost(t.ctx, { publishedAt: '2026-06-06T10:00:00Z' }));

    const pages = async (path: string) => {
      const res = await t.app.inject(path);
      expect(res.statusCode, path).toBe(200);
      return pageCountOf(res.body);
    };
    expect(await pages('/page/3/')).toBe('3');
    expect((await t.app.inject('/page/4/')).statusCode).toBe(404);
    expect(await pages('/2026/page/3/')).toBe('3');
    expect(await pages('/2026/06/page/2/')).toBe('2');
    expect((await t.app.inject('/2026/06/page/3/')).statusCode).toBe(404);
    expect(await pages('/2026/06/page/2/?lang=en')).toBe('2');
    expect((await t.app.inject('/2026/06/page/2/?lang=ru')).statusCode).toBe(404);
    expect((await t.app.inject('/2026/page/2/?lang=ru')).statusCode).toBe(404);

    // The next day the post stored as published for 16 June counts: five in June, six in all.
    t.clock.set('2026-06-16T12:00:00Z');
    expect(await pages('/2026/06/page/3/')).toBe('3');
    expect(await pages('/page/3/')).toBe('3');
    expect(await pages('/2026/06/page/2/?lang=en')).toBe('2');
    expect((await t.app.inject('/2026/06/page/3/?lang=en')).statusCode).toBe(404);
  });
});
