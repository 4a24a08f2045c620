import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenAuthor, givenCategory, givenPost, givenSettings, givenTrashed } from '../../../test/fixtures.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';

const pageCountOf = (body: string) => body.match(/Page \d+ of (\d+)/)?.[1];

describe.each(DIALECTS)('page counts of the home page, date archives and term pages on %s', (dialect) => {
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

  it('count a category’s posts with its sub-categories’ once each, and a tag’s and an author’s, in the language asked for', async () => {
    await givenSettings(t.ctx, { postsPerPage: 2 });
    const news = await givenCategory(t.ctx, 'news');
    const city = await givenCategory(t.ctx, 'city', news);
    const author = await givenAuthor(t.ctx, 'Dana Ortiz');
    const filed = { authorIds: [author], tagNames: ['Trams'] };
    // Visible: three in English under news (two filed under news and city both), one in Russian.
    await givenPost(t.ctx, { ...filed, categoryIds: [news, city], publishedAt: '2026-06-01T10:00:00Z' });
    await givenPost(t.ctx, { ...filed, categoryIds: [news, city], publishedAt: '2026-06-02T10:00:00Z' });
    await givenPost(t.ctx, { ...filed, categoryIds: [city], publishedAt: '2026-06-03T10:00:00Z' });
    await givenPost(t.ctx, { ...filed, categoryIds: [news], language: 'ru', publishedAt: '2026-06-04T10:00:00Z' });
    // Not visible: its time has not come, or it is in the trash.
    await givenPost(t.ctx, { ...filed, categoryIds: [city], publishedAt: '2026-06-16T10:00:00Z' });
    await givenTrashed(t.ctx, await givenPost(t.ctx, { ...filed, categoryIds: [news], publishedAt: '2026-06-05T10:00:00Z' }));

    const pages = async (path: string) => {
      const res = await t.app.inject(path);
      expect(res.statusCode, path).toBe(200);
      return pageCountOf(res.body);
    };
    for (const base of ['/category/news/', '/tag/trams/', '/author/dana-ortiz/']) {
      expect(await pages(`${base}page/2/`), base).toBe('2');
      expect((await t.app.inject(`${base}page/3/`)).statusCode, base).toBe(404);
      expect(await pages(`${base}page/2/?lang=en`), base).toBe('2');
      expect((await t.app.inject(`${base}page/2/?lang=ru`)).statusCode, base).toBe(404);
    }
    expect(await pages('/category/city/page/2/')).toBe('2');
    expect((await t.app.inject('/category/city/page/2/?lang=en')).statusCode).toBe(200);
    // Its pages list each post once, those filed under news and city both included.
    const titles = async (path: string) => [...(await t.app.inject(path)).body.matchAll(/>(Article number \d+)</g)].map((m) => m[1]);
    const listed = [...await titles('/category/news/?lang=en'), ...await titles('/category/news/page/2/?lang=en')];
    expect(listed).toHaveLength(3);
    expect(new Set(listed).size).toBe(3);

    // The next day the post dated 16 June counts: five under news, a third page.
    t.clock.set('2026-06-16T12:00:00Z');
    for (const base of ['/category/news/', '/tag/trams/', '/author/dana-ortiz/']) expect(await pages(`${base}page/3/`), base).toBe('3');
    // The sub-category alone: four, two pages.
    expect(await pages('/category/city/page/2/')).toBe('2');
    expect((await t.app.inject('/category/city/page/3/')).statusCode).toBe(404);
  });
});
