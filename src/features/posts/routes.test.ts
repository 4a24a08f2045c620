import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectValidHtml } from '../../../test/html.js';
import { givenAuthor, givenCategory, givenPage, givenPost, givenSettings } from '../../../test/fixtures.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';
import { updatePost } from './write.js';

describe.each(DIALECTS)('public article pages on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(dialect, { now: '2026-06-15T12:00:00Z' });
    await givenSettings(t.ctx, { title: 'The Lantern', timeZone: 'Europe/Brussels', baseUrl: 'https://lantern.example' });
  });
  afterEach(async () => t.close());

  it('show the latest published articles on the home page with headline, standfirst, byline and date', async () => {
    const anna = await givenAuthor(t.ctx, 'Anna Keller');
    await givenPost(t.ctx, { title: 'Older story', publishedAt: '2026-01-01T09:00:00Z', authorIds: [anna] });
    await givenPost(t.ctx, { title: 'Newest story', standfirst: 'What happened today.', publishedAt: '2026-06-01T09:00:00Z', authorIds: [anna] });
    await givenPost(t.ctx, { title: 'A draft nobody sees', status: 'draft' });
    await givenPost(t.ctx, { title: 'Not yet', status: 'scheduled', publishedAt: '2026-07-01T09:00:00Z' });

    const res = await t.app.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const body = res.body;
    expect(body.indexOf('Newest story')).toBeLessThan(body.indexOf('Older story'));
    expect(body).toContain('What happened today.');
    expect(body).toContain('<a href="/author/anna-keller/" rel="author">Anna Keller</a>');
    expect(body).toContain('<time datetime="2026-06-01T09:00:00.000Z">1 June 2026</time>');
    expect(body).not.toContain('A draft nobody sees');
    expect(body).not.toContain('Not yet');
    await expectValidHtml(body, 'home');
  });

  it('paginate the home page WordPress-style and answer 404 past the last page', async () => {
    await givenSettings(t.ctx, { postsPerPage: 2 });
    for (let day = 1; day <= 5; day++) await givenPost(t.ctx, { title: `Story ${day}`, publishedAt: `2026-03-0${day}T10:00:00Z` });
    const first = await t.app.inject('/');
    expect(first.body).toContain('Story 5');
    expect(first.body).not.toContain('Story 3');
    expect(first.body).toContain('href="/page/2/" rel="next"');
    const third = await t.app.inject('/page/3/');
    expect(third.statusCode).toBe(200);
    expect(third.body).toContain('Story 1');
    expect(third.body).toContain('href="/page/2/" rel="prev"');
    expect(third.body).toContain('Page 3 of 3');
    expect((await t.app.inject('/page/4/')).statusCode).toBe(404);
    expect((await t.app.inject('/page/0/')).statusCode).toBe(404);
    const one = await t.app.inject('/page/1/');
    expect(one.statusCode).toBe(301);
    expect(one.headers.location).toBe('/');
    await expectValidHtml(third.body, 'home page 3');
  });

  it('show an article with every part a reader expects at its dated address', async () => {
    const anna = await givenAuthor(t.ctx, 'Anna Keller');
    const timur = await givenAuthor(t.ctx, 'Timur Belov');
    const courts = await givenCategory(t.ctx, 'courts');
    await givenPost(t.ctx, { title: 'Before', publishedAt: '2026-02-01T10:00:00Z', authorIds: [anna] });
    const id = await givenPost(t.ctx, {
      title: 'Hearing "postponed" again',
      slug: 'hearing-postponed',
      standfirst: 'The court gave no reason.',
      body: '## What happened\n\nThe judge left after *ten minutes*.[^1]\n\n[^1]: Court record.',
      postscript: 'The next hearing is on 3 March.',
      publishedAt: '2026-02-10T10:00:00Z',
      authorIds: [anna, timur],
      categoryIds: [courts],
      tagNames: ['hearings', 'Mira Osipova'],
    });
    await givenPost(t.ctx, { title: 'After', publishedAt: '2026-02-20T10:00:00Z', authorIds: [anna] });

    const res = await t.app.inject('/2026/02/hearing-postponed/');
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain('<h1>Hearing &quot;postponed&quot; again</h1>');
    expect(body).toContain('<p class="standfirst">The court gave no reason.</p>');
    expect(body).toMatch(/By <a href="\/author\/anna-keller\/" rel="author">Anna Keller<\/a> and <a href="\/author\/timur-belov\/" rel="author">Timur Belov<\/a>/);
    expect(body).toContain('<time datetime="2026-02-10T10:00:00.000Z">10 February 2026</time>');
    expect(body).toContain('<em>ten minutes</em>');
    expect(body).toMatch(/<section class="postscript"[^>]*>\s*<h2 id="postscript-heading">Postscript<\/h2>\s*<p>The next hearing is on 3 March.<\/p>/);
    expect(body).toContain('<a href="/category/courts/">Courts</a>');
    expect(body).toContain('<a href="/tag/hearings/">hearings</a>');
    expect(body).toContain('<a href="/tag/mira-osipova/">Mira Osipova</a>');
    expect(body).toContain('<link rel="canonical" href="https://lantern.example/2026/02/hearing-postponed/">');
    expect(body).toMatch(/rel="prev">Before<\/a>/);
    expect(body).toMatch(/rel="next">After<\/a>/);
    expect(id).toBeGreaterThan(0);
    await expectValidHtml(body, 'article');
  });

  it('file an article under its date in the site time zone, not in UTC', async () => {
    await givenSettings(t.ctx, { timeZone: 'Asia/Almaty' });
    await givenPost(t.ctx, { slug: 'late-night', publishedAt: '2025-01-31T23:30:00Z' });
    expect((await t.app.inject('/2025/02/late-night/')).statusCode).toBe(200);
    expect((await t.app.inject('/2025/01/late-night/')).statusCode).toBe(404);
    const page = await t.app.inject('/2025/02/late-night/');
    expect(page.body).toContain('>1 February 2025</time>');
  });

  it('link translations to each other with hreflang and show Russian articles in Russian', async () => {
    const timur = await givenAuthor(t.ctx, 'Timur Belov');
    const en = await givenPost(t.ctx, { title: 'Pickets in twelve towns', slug: 'pickets', publishedAt: '2026-04-04T10:00:00Z', authorIds: [timur] });
    await givenPost(t.ctx, {
      title: 'Пикеты в двенадцати городах', slug: 'pikety', language: 'ru', translationOf: en,
      publishedAt: '2026-04-04T12:00:00Z', authorIds: [timur], postscript: 'Обновлено.', body: 'Он сказал: "Мы вернёмся".',
    });
    const english = (await t.app.inject('/2026/04/pickets/')).body;
    expect(english).toContain('<link rel="alternate" hreflang="ru" href="https://lantern.example/2026/04/pikety/">');
    expect(english).toContain('<link rel="alternate" hreflang="en" href="https://lantern.example/2026/04/pickets/">');
    expect(english).toContain('hreflang="ru" lang="ru">Пикеты в двенадцати городах</a>');
    await givenPage(t.ctx, 'about', 'About us');
    const russian = (await t.app.inject('/2026/04/pikety/')).body;
    expect(russian).toContain('<html lang="ru">');
    // English parts of a Russian page say so, for screen readers.
    expect(russian).toContain('<p class="site-title" lang="en">');
    expect(russian).toContain('<a href="/about/" lang="en">About us</a>');
    expect(russian).toContain('>4 апреля 2026 г.</time>');
    expect(russian).toContain('Текст: <a href="/author/timur-belov/"');
    expect(russian).toContain('<h2 id="postscript-heading">Постскриптум</h2>');
    expect(russian).toContain('«Мы вернёмся»');
    expect(russian).toContain('hreflang="en" lang="en">Pickets in twelve towns</a>');
    await expectValidHtml(russian, 'russian article');
  });

  it('redirect the old address with 301 when a published article changes slug or date', async () => {
    const author = await givenAuthor(t.ctx);
    const input = { title: 'Story', slug: 'first-slug', status: 'published' as const, language: 'en', publishedAt: '2026-02-10T10:00:00Z', authorIds: [author] };
    const id = await givenPost(t.ctx, input);
    const deps = { db: t.ctx.database.db, clock: t.clock };
    await updatePost(deps, id, { ...input, slug: 'second-slug' });
    await updatePost(deps, id, { ...input, slug: 'third-slug', publishedAt: '2026-03-01T10:00:00Z' });
    for (const old of ['/2026/02/first-slug/', '/2026/02/second-slug/', '/2026/02/first-slug']) {
      const res = await t.app.inject(old);
      expect(res.statusCode, old).toBe(301);
      expect(res.headers.location, old).toBe('/2026/03/third-slug/');
    }
    expect((await t.app.inject('/2026/03/third-slug/')).statusCode).toBe(200);
    // Moving back to an old address removes the redirect that would loop.
    await updatePost(deps, id, { ...input, slug: 'first-slug' });
    expect((await t.app.inject('/2026/02/first-slug/')).statusCode).toBe(200);
    expect((await t.app.inject('/2026/03/third-slug/')).headers.location).toBe('/2026/02/first-slug/');
  });

  it('answer 404, never 500, for malformed dates and slugs', async () => {
    await givenPost(t.ctx, { slug: 'real', publishedAt: '2026-02-10T10:00:00Z' });
    for (const path of ['/2026/13/real/', '/2026/00/real/', '/2026/2/real/', '/0000/02/real/', '/2026/02/REAL/', '/2026/02/no-such/',
      '/2026/02/%E0%A4%A/', '/2026/02/real%00/', '/20260/02/real/']) {
      const res = await t.app.inject(path);
      expect(res.statusCode, path).toBe(404);
    }
  });
});
