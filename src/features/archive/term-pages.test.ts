import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenAuthor, givenCategory, givenPost, givenSettings, givenTrashed } from '../../../test/fixtures.js';
import { expectValidHtml } from '../../../test/html.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';

/** The content of `<main>`, so assertions never match the sidebar's links. */
const mainOf = (body: string) => body.slice(body.indexOf('<main'), body.indexOf('</main>'));
const headlinesOf = (body: string) => [...mainOf(body).matchAll(/<h2><a href="[^"]+">([^<]+)<\/a><\/h2>/g)].map((m) => m[1]);
const visibleFeedOf = (body: string) => mainOf(body).match(/<p class="feed-link"><a href="([^"]+)" type="application\/rss\+xml">([^<]+)<\/a><\/p>/)?.slice(1);
const discoveredFeedsOf = (body: string) =>
  [...body.slice(0, body.indexOf('</head>')).matchAll(/<link rel="alternate" type="([^"]+)" title="[^"]*" href="([^"]+)">/g)].map((m) => `${m[1]} ${m[2]}`);
const BASE = 'http://127.0.0.1:3000';

describe.each(DIALECTS)('category, tag and author pages on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(dialect, { now: '2026-06-15T12:00:00Z' });
  });
  afterEach(async () => t.close());

  it('show a link to their own feed on the page and announce it to feed readers, in the language the page is narrowed to', async () => {
    const courts = await givenCategory(t.ctx, 'courts');
    const anna = await givenAuthor(t.ctx, 'Anna Keller', 'Covers the courts.');
    await givenPost(t.ctx, { title: 'Verdict', categoryIds: [courts], tagNames: ['Strikes'], authorIds: [anna], publishedAt: '2026-05-01T10:00:00Z' });
    await givenPost(t.ctx, { title: 'Приговор', language: 'ru', categoryIds: [courts], authorIds: [anna], publishedAt: '2026-05-02T10:00:00Z' });

    for (const [path, label] of [
      ['/category/courts/', 'Follow this category (RSS feed)'],
      ['/tag/strikes/', 'Follow this tag (RSS feed)'],
      ['/author/anna-keller/', 'Follow this author (RSS feed)'],
    ] as const) {
      const page = await t.app.inject(path);
      expect(visibleFeedOf(page.body), path).toEqual([`${path}feed/`, label]);
      expect(discoveredFeedsOf(page.body).slice(0, 3), path).toEqual([
        `application/rss+xml ${BASE}${path}feed/`, `application/atom+xml ${BASE}${path}feed/atom/`, `application/feed+json ${BASE}${path}feed/json/`,
      ]);
      const feed = await t.app.inject(`${path}feed/`);
      expect(feed.statusCode, path).toBe(200);
      expect(feed.body, path).toContain('<title>Verdict</title>');
      await expectValidHtml(page.body, path);
    }

    const russian = await t.app.inject('/category/courts/?lang=ru');
    expect(visibleFeedOf(russian.body)).toEqual(['/category/courts/feed/?lang=ru', 'Следить за рубрикой (RSS-лента)']);
    expect(discoveredFeedsOf(russian.body)[0]).toBe(`application/rss+xml ${BASE}/category/courts/feed/?lang=ru`);
    const russianFeed = await t.app.inject('/category/courts/feed/?lang=ru');
    expect(russianFeed.body).toContain('<title>Приговор</title>');
    expect(russianFeed.body).not.toContain('<title>Verdict</title>');
  });

  it('page through a category with the posts of its children and grandchildren, newest first, 404 past the last page and 301 for page one', async () => {
    await givenSettings(t.ctx, { postsPerPage: 2 });
    const news = await givenCategory(t.ctx, 'news');
    const city = await givenCategory(t.ctx, 'city', news);
    const courts = await givenCategory(t.ctx, 'courts', city);
    const sport = await givenCategory(t.ctx, 'sport');
    const inCategory = [news, city, courts, courts, news];
    for (const [i, category] of inCategory.entries()) {
      await givenPost(t.ctx, { title: `Story ${i + 1}`, categoryIds: [category!], publishedAt: `2026-03-0${i + 1}T10:00:00Z` });
    }
    // In two categories of the tree: listed once.
    await givenPost(t.ctx, { title: 'Story 6', categoryIds: [city, courts], publishedAt: '2026-03-06T10:00:00Z' });
    await givenPost(t.ctx, { title: 'Match report', categoryIds: [sport], publishedAt: '2026-03-07T10:00:00Z' });

    expect(headlinesOf((await t.app.inject('/category/news/')).body)).toEqual(['Story 6', 'Story 5']);
    expect(headlinesOf((await t.app.inject('/category/news/page/2/')).body)).toEqual(['Story 4', 'Story 3']);
    const last = await t.app.inject('/category/news/page/3/');
    expect(headlinesOf(last.body)).toEqual(['Story 2', 'Story 1']);
    expect(last.body).toContain('Page 3 of 3');
    expect(last.body).toContain('href="/category/news/page/2/" rel="prev"');
    expect(last.body).not.toContain('rel="next"');
    await expectValidHtml(last.body, 'last page of a category');
    expect(headlinesOf((await t.app.inject('/category/city/')).body)).toEqual(['Story 6', 'Story 4']);
    expect(headlinesOf((await t.app.inject('/category/city/page/2/')).body)).toEqual(['Story 3', 'Story 2']);
    expect(headlinesOf((await t.app.inject('/category/courts/page/2/')).body)).toEqual(['Story 3']);
    for (const path of ['/category/news/page/4/', '/category/news/page/0/', '/category/news/page/02/', '/category/courts/page/3/', '/category/News/']) {
      expect((await t.app.inject(path)).statusCode, path).toBe(404);
    }
    const first = await t.app.inject('/category/news/page/1/?lang=en');
    expect(first.statusCode).toBe(301);
    expect(first.headers.location).toBe('/category/news/?lang=en');

    const timur = await givenAuthor(t.ctx, 'Timur Ivanov');
    for (let day = 1; day <= 3; day++) await givenPost(t.ctx, { title: `Timur ${day}`, authorIds: [timur], publishedAt: `2026-04-0${day}T10:00:00Z` });
    expect(headlinesOf((await t.app.inject('/author/timur-ivanov/')).body)).toEqual(['Timur 3', 'Timur 2']);
    expect(headlinesOf((await t.app.inject('/author/timur-ivanov/page/2/')).body)).toEqual(['Timur 1']);
    expect((await t.app.inject('/author/timur-ivanov/page/3/')).statusCode).toBe(404);
    expect((await t.app.inject('/author/timur-ivanov/page/1/')).headers.location).toBe('/author/timur-ivanov/');
  });

  it('leave drafts, scheduled, future-dated and trashed posts off, and show a friendly page for a category with none yet', async () => {
    const courts = await givenCategory(t.ctx, 'courts');
    await givenCategory(t.ctx, 'sport');
    const anna = await givenAuthor(t.ctx, 'Anna Keller');
    const common = { categoryIds: [courts], tagNames: ['Strikes'], authorIds: [anna] };
    await givenPost(t.ctx, { ...common, title: 'Out now', publishedAt: '2026-06-10T10:00:00Z' });
    await givenPost(t.ctx, { ...common, title: 'A draft', status: 'draft', publishedAt: '2026-06-11T10:00:00Z' });
    await givenPost(t.ctx, { ...common, title: 'Scheduled', status: 'scheduled', publishedAt: '2026-06-20T10:00:00Z' });
    await givenPost(t.ctx, { ...common, title: 'Due tomorrow', publishedAt: '2026-06-16T10:00:00Z' });
    await givenTrashed(t.ctx, await givenPost(t.ctx, { ...common, title: 'Binned', publishedAt: '2026-06-09T10:00:00Z' }));

    for (const path of ['/category/courts/', '/tag/strikes/', '/author/anna-keller/']) {
      const page = await t.app.inject(path);
      expect(headlinesOf(page.body), path).toEqual(['Out now']);
      expect(page.body, path).not.toContain('rel="next"');
      expect((await t.app.inject(`${path}page/2/`)).statusCode, path).toBe(404);
    }
    t.clock.set('2026-06-16T10:00:00Z');
    expect(headlinesOf((await t.app.inject('/tag/strikes/')).body)).toEqual(['Due tomorrow', 'Out now']);

    const empty = await t.app.inject('/category/sport/');
    expect(empty.statusCode).toBe(200);
    expect(mainOf(empty.body)).toContain('<h1>Category: Sport</h1>');
    expect(mainOf(empty.body)).toContain('<p class="empty">');
    await expectValidHtml(empty.body, 'empty category');
  });
});
