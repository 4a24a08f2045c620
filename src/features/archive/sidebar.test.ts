import type { CompiledQuery } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenPage, givenPost, givenSettings, givenTrashed } from '../../../test/fixtures.js';
import { expectValidHtml } from '../../../test/html.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';
import { postDaysQuery } from './widget-queries.js';
import { sqlitePlan } from '../../../test/query-plan.js';

const sidebarOf = (body: string) => body.slice(body.indexOf('<aside'), body.indexOf('</aside>'));
const calendarOf = (body: string) => body.slice(body.indexOf('<div class="widget calendar">'), body.indexOf('<div class="widget months">'));
const captionOf = (body: string) => calendarOf(body).match(/<caption>([^<]+)<\/caption>/)?.[1];
const firstWeekOf = (body: string) => calendarOf(body).match(/<tbody><tr>(.*?)<\/tr>/)?.[1];
const linkedDaysOf = (body: string) => [...calendarOf(body).matchAll(/<td[^>]*><a href="([^"]+)"/g)].map((m) => m[1]);
const monthsOf = (body: string) =>
  [...body.slice(body.indexOf('<div class="widget months">')).matchAll(/<li><a href="[^"]+">([^<]+)<\/a> \((\d+)\)<\/li>/g)].map((m) => `${m[1]} (${m[2]})`);
const monthLinksOf = (body: string) => [...calendarOf(body).matchAll(/<a href="([^"]+)" class="(prev|next)">/g)].map((m) => `${m[2]} ${m[1]}`);

describe.each(DIALECTS)('the sidebar calendar and monthly archive on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(dialect, { now: '2026-06-30T20:00:00Z' });
  });
  afterEach(async () => t.close());

  it('show this month in the site time zone on the home page, with today marked and days with posts linked', async () => {
    await givenSettings(t.ctx, { timeZone: 'Asia/Almaty' });
    await givenPost(t.ctx, { title: 'Just after midnight', publishedAt: '2026-06-30T19:30:00Z' });
    await givenPost(t.ctx, { title: 'June story', publishedAt: '2026-06-10T10:00:00Z' });
    const home = await t.app.inject('/');
    const sidebar = sidebarOf(home.body);
    expect(sidebar).toContain('<aside class="sidebar" aria-label="Archive">');
    expect(captionOf(home.body)).toBe('July 2026');
    expect(calendarOf(home.body)).toContain(
      '<td class="today" aria-current="date"><a href="/2026/07/01/" aria-label="Articles of 1 July 2026">1</a></td>',
    );
    expect(calendarOf(home.body)).toContain('<th scope="col"><abbr title="Monday" aria-hidden="true">M</abbr><span class="visually-hidden">Monday</span></th>');
    expect(monthLinksOf(home.body)).toEqual(['prev /2026/06/']);
    await expectValidHtml(home.body, 'home with sidebar');
    // Every public page carries it: a static page and the 404 page too.
    await givenPage(t.ctx, 'about', 'About us');
    for (const [path, status] of [['/about/', 200], ['/no-such-page/', 404]] as const) {
      const res = await t.app.inject(path);
      expect(res.statusCode, path).toBe(status);
      expect(captionOf(res.body), path).toBe('July 2026');
      await expectValidHtml(res.body, path);
    }
  });

  it("show the article's month on an article page and the archive's month on date archives", async () => {
    await givenPost(t.ctx, { title: 'Spring', slug: 'spring', publishedAt: '2025-03-12T10:00:00Z' });
    await givenPost(t.ctx, { title: 'Autumn', publishedAt: '2025-10-02T10:00:00Z' });
    const article = await t.app.inject('/2025/03/spring/');
    expect(captionOf(article.body)).toBe('March 2025');
    expect(linkedDaysOf(article.body)).toEqual(['/2025/03/12/']);
    expect(monthLinksOf(article.body)).toEqual(['next /2025/10/']);
    expect(captionOf((await t.app.inject('/2024/02/')).body)).toBe('February 2024');
    expect(captionOf((await t.app.inject('/2025/10/02/')).body)).toBe('October 2025');
    // A year shows its newest month with posts, or January when it has none.
    expect(captionOf((await t.app.inject('/2025/')).body)).toBe('October 2025');
    expect(captionOf((await t.app.inject('/2019/')).body)).toBe('January 2019');
  });

  it('file posts in the calendar and the monthly list by their date in the site time zone, and mark today there', async () => {
    // 23:30 UTC on 31 January is 1 February in Almaty.
    await givenSettings(t.ctx, { timeZone: 'Asia/Almaty' });
    await givenPost(t.ctx, { title: 'Almaty night', publishedAt: '2025-01-31T23:30:00Z' });
    const february = (await t.app.inject('/2025/02/')).body;
    expect(linkedDaysOf(february)).toEqual(['/2025/02/01/']);
    expect(linkedDaysOf((await t.app.inject('/2025/01/')).body)).toEqual([]);
    expect(monthLinksOf((await t.app.inject('/2025/01/')).body)).toEqual(['next /2025/02/']);
    expect(monthsOf(february)).toEqual(['February 2025 (1)']);

    // In New York the same post is on 31 January, and 02:00 UTC on 1 July is still 30 June.
    await givenSettings(t.ctx, { timeZone: 'America/New_York' });
    t.clock.set('2026-07-01T02:00:00Z');
    await givenPost(t.ctx, { title: 'Late in June', publishedAt: '2026-07-01T01:00:00Z' });
    const home = (await t.app.inject('/')).body;
    expect(captionOf(home)).toBe('June 2026');
    expect(calendarOf(home)).toContain('<td class="today" aria-current="date"><a href="/2026/06/30/"');
    expect(monthsOf(home)).toEqual(['June 2026 (1)', 'January 2025 (1)']);
    expect(linkedDaysOf((await t.app.inject('/2025/01/')).body)).toEqual(['/2025/01/31/']);

    // A leap day, and the night clocks go forward in Brussels (00:30 on 29 March, CET).
    await givenSettings(t.ctx, { timeZone: 'Europe/Brussels' });
    await givenPost(t.ctx, { title: 'Leap day', publishedAt: '2024-02-29T12:00:00Z' });
    await givenPost(t.ctx, { title: 'Spring forward', publishedAt: '2026-03-28T23:30:00Z' });
    const leap = (await t.app.inject('/2024/02/')).body;
    expect(linkedDaysOf(leap)).toEqual(['/2024/02/29/']);
    expect(calendarOf(leap)).toContain('aria-label="Articles of 29 February 2024">29</a>');
    expect(linkedDaysOf((await t.app.inject('/2026/03/')).body)).toEqual(['/2026/03/29/']);
    expect(monthsOf((await t.app.inject('/')).body)).toEqual(['July 2026 (1)', 'March 2026 (1)', 'February 2025 (1)']);
  });

  it('start weeks on Monday by default and on Sunday when the site says so, in the page language', async () => {
    await givenPost(t.ctx, { title: 'Sunday paper', publishedAt: '2026-02-01T10:00:00Z' });
    // 1 February 2026 is a Sunday.
    const monday = await t.app.inject('/2026/02/');
    expect(firstWeekOf(monday.body)).toBe(`${'<td></td>'.repeat(6)}<td><a href="/2026/02/01/" aria-label="Articles of 1 February 2026">1</a></td>`);
    expect(calendarOf(monday.body).match(/<tr>.*?<\/tr>/g)).toHaveLength(1 + 5);
    await givenSettings(t.ctx, { firstDayOfWeek: 0 });
    const sunday = await t.app.inject('/2026/02/');
    expect(calendarOf(sunday.body)).toMatch(/<thead><tr><th scope="col"><abbr title="Sunday" aria-hidden="true">S<\/abbr>/);
    expect(firstWeekOf(sunday.body)).toMatch(/^<td><a href="\/2026\/02\/01\/"[^>]*>1<\/a><\/td><td>2<\/td>/);
    expect(calendarOf(sunday.body).match(/<tr>.*?<\/tr>/g)).toHaveLength(1 + 4);
    const russian = await t.app.inject('/2026/02/?lang=ru');
    expect(captionOf(russian.body)).toBe('Февраль 2026 г.');
    expect(calendarOf(russian.body)).toContain('<abbr title="Воскресенье" aria-hidden="true">В</abbr>');
    expect(calendarOf(russian.body)).not.toContain('<a href');
    await expectValidHtml(sunday.body, 'calendar starting on Sunday');
  });

  it('link the previous and next months that have posts, skipping empty months and posts not visible', async () => {
    await givenPost(t.ctx, { title: 'January', publishedAt: '2026-01-10T10:00:00Z' });
    await givenPost(t.ctx, { title: 'March draft', status: 'draft', publishedAt: '2026-03-10T10:00:00Z' });
    await givenPost(t.ctx, { title: 'April', publishedAt: '2026-04-10T10:00:00Z' });
    const binned = await givenPost(t.ctx, { title: 'May, binned', publishedAt: '2026-05-10T10:00:00Z' });
    await givenTrashed(t.ctx, binned);
    await givenPost(t.ctx, { title: 'June, in Russian', language: 'ru', publishedAt: '2026-06-10T10:00:00Z' });
    await givenPost(t.ctx, { title: 'July, not yet', publishedAt: '2026-07-10T10:00:00Z' });
    await givenPost(t.ctx, { title: 'Two years ago', publishedAt: '2024-06-10T10:00:00Z' });

    expect(monthLinksOf((await t.app.inject('/2026/04/')).body)).toEqual(['prev /2026/01/', 'next /2026/06/']);
    expect(monthLinksOf((await t.app.inject('/2026/01/')).body)).toEqual(['prev /2024/06/', 'next /2026/04/']);
    expect(monthLinksOf((await t.app.inject('/2026/06/')).body)).toEqual(['prev /2026/04/']);
    expect(monthLinksOf((await t.app.inject('/2024/06/')).body)).toEqual(['next /2026/01/']);
    expect(monthLinksOf((await t.app.inject('/2026/04/?lang=en')).body)).toEqual(['prev /2026/01/?lang=en']);
    expect(linkedDaysOf((await t.app.inject('/2026/06/?lang=ru')).body)).toEqual(['/2026/06/10/?lang=ru']);
    t.clock.set('2026-07-10T10:00:00Z');
    expect(monthLinksOf((await t.app.inject('/2026/06/')).body)).toEqual(['prev /2026/04/', 'next /2026/07/']);
  });

  it('list the months with posts and their counts, newest first, grouped by year, years before the last two collapsed', async () => {
    for (const [date, n] of [['2026-05', 2], ['2026-01', 1], ['2025-12', 3], ['2024-06', 1], ['2023-02', 1]] as const) {
      for (let i = 1; i <= n; i++) await givenPost(t.ctx, { publishedAt: `${date}-0${i}T10:00:00Z` });
    }
    await givenPost(t.ctx, { title: 'Draft', status: 'draft', publishedAt: '2024-06-05T10:00:00Z' });
    await givenPost(t.ctx, { title: 'Russian', language: 'ru', publishedAt: '2023-02-05T10:00:00Z' });
    const sidebar = sidebarOf((await t.app.inject('/')).body);
    const list = sidebar.slice(sidebar.indexOf('<div class="widget months">'));
    expect(list).toContain('<h2>Archive by month</h2>');
    expect([...list.matchAll(/<details( open)?><summary>(\d+)<\/summary>/g)].map((m) => `${m[2]}${m[1] ?? ''}`)).toEqual([
      '2026 open', '2025 open', '2024', '2023',
    ]);
    expect([...list.matchAll(/<li><a href="([^"]+)">([^<]+)<\/a> \((\d+)\)<\/li>/g)].map((m) => `${m[1]} ${m[2]} (${m[3]})`)).toEqual([
      '/2026/05/ May 2026 (2)', '/2026/01/ January 2026 (1)', '/2025/12/ December 2025 (3)',
    ]);
    // A collapsed year is compact: its months as lines of text under a link to the year.
    expect(list).toContain('<details><summary>2024</summary><p><a href="/2024/">2024</a> (1)<br>June 2024 (1)</p></details>');
    expect(list).toContain('<details><summary>2023</summary><p><a href="/2023/">2023</a> (2)<br>February 2023 (2)</p></details>');
    // The year's own pages, and its articles, show it open with each month linked.
    for (const page of ['/2024/', '/2024/06/01/']) {
      const viewed = sidebarOf((await t.app.inject(page)).body);
      expect(viewed).toContain('<details open><summary>2024</summary><ul><li><a href="/2024/06/">June 2024</a> (1)</li></ul></details>');
      expect(viewed).toContain('<details><summary>2023</summary>');
    }
    const russian = sidebarOf((await t.app.inject('/2023/?lang=ru')).body);
    expect(russian).toContain('<h2>Архив по месяцам</h2>');
    expect(russian).toContain('<details open><summary>2023</summary><ul><li><a href="/2023/02/?lang=ru">Февраль 2023 г.</a> (1)</li></ul></details>');
    expect(russian).not.toContain('2026');
  });
});

describe('the sidebar queries on SQLite', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp('sqlite');
  });
  afterEach(async () => t.close());

  const planOf = async (query: { compile(): CompiledQuery }) => {
    const compiled = query.compile();
    return { sql: compiled.sql, details: (await sqlitePlan(t.ctx.database.db, compiled)).join(' | ') };
  };

  it('read one month of the archive index for the calendar, never the posts table, and need no sort', async () => {
    const db = t.ctx.database.db;
    const now = '2026-06-15T12:00:00.000Z';
    for (const query of [postDaysQuery(db, { now, year: 2014, month: 1 }), postDaysQuery(db, { now, language: 'ru', year: 2014, month: 1 })]) {
      const { sql, details } = await planOf(query);
      expect(details, sql).toMatch(/USING COVERING INDEX posts_archive/);
      expect(details, sql).not.toMatch(/SCAN posts|TEMP B-TREE/);
    }
  });
});
