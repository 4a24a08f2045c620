import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenAuthor, givenPost, givenSettings, givenTrashed } from '../../../test/fixtures.js';
import { expectValidHtml } from '../../../test/html.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';

/** The content of `<main>`, so assertions never match the sidebar's links. */
const mainOf = (body: string) => body.slice(body.indexOf('<main'), body.indexOf('</main>'));
const headlinesOf = (body: string) => [...mainOf(body).matchAll(/<h2><a href="[^"]+">([^<]+)<\/a><\/h2>/g)].map((m) => m[1]);

describe.each(DIALECTS)('date archives on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(dialect, { now: '2026-06-15T12:00:00Z' });
  });
  afterEach(async () => t.close());

  it('list a year, a month and a day newest first, each teaser with headline, standfirst, byline and date', async () => {
    const anna = await givenAuthor(t.ctx, 'Anna Keller');
    await givenPost(t.ctx, { title: 'Winter', publishedAt: '2026-01-15T09:00:00Z', authorIds: [anna] });
    await givenPost(t.ctx, { title: 'Morning', standfirst: 'Early news.', publishedAt: '2026-03-04T08:00:00Z', authorIds: [anna] });
    await givenPost(t.ctx, { title: 'Evening', publishedAt: '2026-03-04T18:00:00Z', authorIds: [anna] });
    await givenPost(t.ctx, { title: 'Later in March', publishedAt: '2026-03-20T10:00:00Z', authorIds: [anna] });
    await givenPost(t.ctx, { title: 'Last year', publishedAt: '2025-12-31T10:00:00Z', authorIds: [anna] });

    const year = await t.app.inject('/2026/');
    expect(year.statusCode).toBe(200);
    expect(mainOf(year.body)).toContain('<h1>2026</h1>');
    expect(headlinesOf(year.body)).toEqual(['Later in March', 'Evening', 'Morning', 'Winter']);
    const month = await t.app.inject('/2026/03/');
    expect(mainOf(month.body)).toContain('<h1>March 2026</h1>');
    expect(month.body).toContain('<title>March 2026 — Broadside</title>');
    expect(headlinesOf(month.body)).toEqual(['Later in March', 'Evening', 'Morning']);
    expect(mainOf(month.body)).toContain('<p class="standfirst">Early news.</p>');
    expect(mainOf(month.body)).toContain('<a href="/author/anna-keller/" rel="author">Anna Keller</a>');
    expect(mainOf(month.body)).toContain('<time datetime="2026-03-04T08:00:00.000Z">4 March 2026</time>');
    const day = await t.app.inject('/2026/03/04/');
    expect(mainOf(day.body)).toContain('<h1>4 March 2026</h1>');
    expect(headlinesOf(day.body)).toEqual(['Evening', 'Morning']);
    expect(day.body).toContain('<link rel="canonical" href="http://127.0.0.1:3000/2026/03/04/">');
    for (const [page, where] of [[year, 'year'], [month, 'month'], [day, 'day']] as const) await expectValidHtml(page.body, `${where} archive`);
  });

  it('file posts by their date in the site time zone across month and year boundaries and daylight-saving changes', async () => {
    await givenSettings(t.ctx, { timeZone: 'Asia/Almaty' });
    await givenPost(t.ctx, { title: 'Almaty night', publishedAt: '2025-01-31T23:30:00Z' });
    expect(headlinesOf((await t.app.inject('/2025/02/01/')).body)).toEqual(['Almaty night']);
    expect(headlinesOf((await t.app.inject('/2025/01/')).body)).toEqual([]);

    await givenSettings(t.ctx, { timeZone: 'America/New_York' });
    await givenPost(t.ctx, { title: 'New Year in New York', publishedAt: '2026-01-01T03:00:00Z' });
    expect(headlinesOf((await t.app.inject('/2025/12/31/')).body)).toEqual(['New Year in New York']);
    expect(headlinesOf((await t.app.inject('/2025/')).body)).toContain('New Year in New York');
    expect(headlinesOf((await t.app.inject('/2026/')).body)).not.toContain('New Year in New York');
    // The Almaty post moved with the site's time zone: 18:30 on 31 January in New York.
    expect(headlinesOf((await t.app.inject('/2025/01/31/')).body)).toEqual(['Almaty night']);

    await givenSettings(t.ctx, { timeZone: 'Pacific/Kiritimati' });
    await givenPost(t.ctx, { title: 'Kiritimati dawn', publishedAt: '2025-12-31T11:00:00Z' });
    expect(headlinesOf((await t.app.inject('/2026/01/01/')).body)).toEqual(['New Year in New York', 'Kiritimati dawn']);
    expect(headlinesOf((await t.app.inject('/2025/')).body)).not.toContain('Kiritimati dawn');

    await givenSettings(t.ctx, { timeZone: 'Europe/Brussels' });
    await givenPost(t.ctx, { title: 'Spring forward', publishedAt: '2026-03-28T23:30:00Z' });
    await givenPost(t.ctx, { title: 'Fall back', publishedAt: '2026-10-24T22:30:00Z' });
    expect(headlinesOf((await t.app.inject('/2026/03/29/')).body)).toEqual(['Spring forward']);
    t.clock.set('2026-11-01T12:00:00Z');
    expect(headlinesOf((await t.app.inject('/2026/10/25/')).body)).toEqual(['Fall back']);
  });

  it('show a friendly empty page for a real date without posts and 404 for a date that does not exist', async () => {
    await givenPost(t.ctx, { title: 'Leap day', publishedAt: '2024-02-29T12:00:00Z' });
    expect(headlinesOf((await t.app.inject('/2024/02/29/')).body)).toEqual(['Leap day']);
    const empty = await t.app.inject('/2019/07/');
    expect(empty.statusCode).toBe(200);
    expect(mainOf(empty.body)).toContain('<h1>July 2019</h1>');
    expect(mainOf(empty.body)).toContain('No articles were published in this period.');
    expect(empty.body).toContain('<meta name="robots" content="noindex">');
    await expectValidHtml(empty.body, 'empty month');
    for (const path of ['/2019/', '/2019/07/04/', '/2025/02/28/']) expect((await t.app.inject(path)).statusCode, path).toBe(200);
    for (const path of ['/2026/13/', '/2026/00/', '/2026/02/30/', '/2025/02/29/', '/2026/02/00/', '/2026/04/31/', '/0000/',
      '/2026/1/', '/2026/01/1/', '/20260/', '/2026/01/32/', '/2026/13/01/', '/2026/02/30/page/2/', '/2026/?lang=%3Cx%3E']) {
      expect((await t.app.inject(path)).statusCode, path).toBe(404);
    }
  });

  it('paginate date archives and answer 404 past the last page and 301 for page one', async () => {
    await givenSettings(t.ctx, { postsPerPage: 2 });
    for (let day = 1; day <= 5; day++) await givenPost(t.ctx, { title: `March ${day}`, publishedAt: `2026-03-0${day}T10:00:00Z` });
    for (let hour = 10; hour <= 14; hour++) await givenPost(t.ctx, { title: `April hour ${hour}`, publishedAt: `2026-04-07T${hour}:00:00Z` });

    const first = await t.app.inject('/2026/03/');
    expect(headlinesOf(first.body)).toEqual(['March 5', 'March 4']);
    expect(first.body).toContain('href="/2026/03/page/2/" rel="next"');
    const last = await t.app.inject('/2026/03/page/3/');
    expect(last.statusCode).toBe(200);
    expect(headlinesOf(last.body)).toEqual(['March 1']);
    expect(last.body).toContain('href="/2026/03/page/2/" rel="prev"');
    expect(last.body).toContain('Page 3 of 3');
    expect(last.body).toContain('<title>March 2026 · Page 3 of 3 — Broadside</title>');
    await expectValidHtml(last.body, 'last page of a month');
    expect(headlinesOf((await t.app.inject('/2026/04/07/page/3/')).body)).toEqual(['April hour 10']);
    expect(headlinesOf((await t.app.inject('/2026/page/5/')).body)).toEqual(['March 2', 'March 1']);
    for (const path of ['/2026/03/page/4/', '/2026/page/6/', '/2026/04/07/page/4/', '/2019/page/2/', '/2026/03/page/0/', '/2026/03/page/01/']) {
      expect((await t.app.inject(path)).statusCode, path).toBe(404);
    }
    for (const [path, to] of [['/2026/03/page/1/', '/2026/03/'], ['/2026/page/1/', '/2026/'], ['/2026/04/07/page/1/?lang=en', '/2026/04/07/?lang=en']]) {
      const res = await t.app.inject(path!);
      expect(res.statusCode, path).toBe(301);
      expect(res.headers.location, path).toBe(to);
    }
  });

  it('leave out drafts, trashed posts and posts whose time has not come, until it comes', async () => {
    await givenPost(t.ctx, { title: 'Out now', publishedAt: '2026-06-10T10:00:00Z' });
    await givenPost(t.ctx, { title: 'A draft', status: 'draft', publishedAt: '2026-06-11T10:00:00Z' });
    await givenPost(t.ctx, { title: 'Scheduled', status: 'scheduled', publishedAt: '2026-06-12T10:00:00Z' });
    await givenPost(t.ctx, { title: 'Due tomorrow', publishedAt: '2026-06-16T10:00:00Z' });
    const binned = await givenPost(t.ctx, { title: 'Binned', publishedAt: '2026-06-09T10:00:00Z' });
    await givenTrashed(t.ctx, binned);

    expect(headlinesOf((await t.app.inject('/2026/06/')).body)).toEqual(['Out now']);
    expect(headlinesOf((await t.app.inject('/2026/06/16/')).body)).toEqual([]);
    t.clock.set('2026-06-16T10:00:00Z');
    expect(headlinesOf((await t.app.inject('/2026/06/')).body)).toEqual(['Due tomorrow', 'Out now']);
    expect(headlinesOf((await t.app.inject('/2026/06/16/')).body)).toEqual(['Due tomorrow']);
  });

  it('narrow an archive to one language with ?lang=, in that language, with a way back to all languages', async () => {
    const en = await givenPost(t.ctx, { title: 'Pickets', slug: 'pickets', publishedAt: '2026-04-04T10:00:00Z' });
    await givenPost(t.ctx, { title: 'Пикеты', slug: 'pikety', language: 'ru', translationOf: en, publishedAt: '2026-04-04T12:00:00Z' });
    await givenPost(t.ctx, { title: 'Only English', publishedAt: '2026-04-05T10:00:00Z' });

    const all = await t.app.inject('/2026/04/');
    expect(headlinesOf(all.body)).toEqual(['Only English', 'Пикеты', 'Pickets']);
    expect(mainOf(all.body)).toContain('<article class="teaser" lang="ru">');
    const russian = await t.app.inject('/2026/04/?lang=ru');
    expect(russian.statusCode).toBe(200);
    expect(russian.body).toContain('<html lang="ru">');
    expect(mainOf(russian.body)).toContain('<h1>Апрель 2026 г.</h1>');
    expect(headlinesOf(russian.body)).toEqual(['Пикеты']);
    expect(mainOf(russian.body)).toContain('Только материалы на языке: русский. <a href="/2026/04/">Показать все языки</a>');
    expect(russian.body).toContain('<link rel="canonical" href="http://127.0.0.1:3000/2026/04/?lang=ru">');
    await expectValidHtml(russian.body, 'Russian month');
    const english = await t.app.inject('/2026/04/04/?lang=en');
    expect(headlinesOf(english.body)).toEqual(['Pickets']);
    expect(mainOf(english.body)).toContain('Only articles in English.');
    // A language without an interface catalogue keeps the site's interface language.
    const german = await t.app.inject('/2026/?lang=de');
    expect(german.body).toContain('<html lang="en">');
    expect(mainOf(german.body)).toContain('No articles were published in this period.');
    const tag = await t.app.inject('/author/anna-keller/?lang=ru');
    expect(headlinesOf(tag.body)).toEqual(['Пикеты']);
    expect(tag.body).toContain('<html lang="ru">');
  });

  it('serve an article whose slug is two digits at its own address and the day archive everywhere else', async () => {
    // New slugs of digits only are refused (posts/write.ts); an older or imported post may have one.
    const fifteen = await givenPost(t.ctx, { title: 'Fifteen', slug: 'fifteen', publishedAt: '2026-01-20T10:00:00Z' });
    await t.ctx.database.db.updateTable('posts').set({ slug: '15' }).where('id', '=', fifteen).execute();
    await givenPost(t.ctx, { title: 'On the fifteenth', publishedAt: '2026-02-15T10:00:00Z' });
    const article = await t.app.inject('/2026/01/15/');
    expect(article.statusCode).toBe(200);
    expect(mainOf(article.body)).toContain('<h1>Fifteen</h1>');
    expect(headlinesOf((await t.app.inject('/2026/02/15/')).body)).toEqual(['On the fifteenth']);
    expect(headlinesOf((await t.app.inject('/2026/01/20/')).body)).toEqual(['Fifteen']);
  });
});
