import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenPost, givenSettings } from '../../../test/fixtures.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';
import { publishDuePosts } from '../posts/index.js';

const mainOf = (body: string) => body.slice(body.indexOf('<main'), body.indexOf('</main>'));
const headlinesOf = (body: string) => [...mainOf(body).matchAll(/<h2><a href="[^"]+">([^<]+)<\/a><\/h2>/g)].map((m) => m[1]);
const calendarOf = (body: string) => body.slice(body.indexOf('<div class="widget calendar">'), body.indexOf('<div class="widget months">'));
const linkedDaysOf = (body: string) => [...calendarOf(body).matchAll(/<td[^>]*><a href="([^"]+)"/g)].map((m) => m[1]);
const monthLinksOf = (body: string) => [...calendarOf(body).matchAll(/<a href="([^"]+)" class="(prev|next)">/g)].map((m) => `${m[2]} ${m[1]}`);
const monthsOf = (body: string) =>
  [...body.slice(body.indexOf('<div class="widget months">')).matchAll(/<li><a href="[^"]+">([^<]+)<\/a> \((\d+)\)<\/li>/g)].map((m) => `${m[1]} (${m[2]})`);

// A scheduled post goes live when the publishing sweep runs at its time: from then on it is in
// the date archives, the calendar and the monthly counts, whatever the sidebar memo (SQLite)
// or the page cache kept from before.
describe.each(DIALECTS.flatMap((dialect) => [[dialect, 'off'], [dialect, 'on']] as const))(
  'a scheduled post going live on %s with the page cache %s',
  (dialect, pageCache) => {
    let t: TestApp;
    beforeEach(async () => {
      // 20:00 UTC on 30 June is 01:00 on 1 July in Almaty (UTC+5).
      t = await buildTestApp(dialect, { now: '2026-06-30T20:00:00Z', config: { pageCache } });
      await givenSettings(t.ctx, { timeZone: 'Asia/Almaty' });
    });
    afterEach(async () => t.close());

    it('appears in its day, month and year archives, the calendar and the monthly list once the sweep publishes it, and not before', async () => {
      await givenPost(t.ctx, { title: 'June story', publishedAt: '2026-06-10T10:00:00Z' });
      // 19:30 UTC on 1 July is 00:30 on 2 July in Almaty.
      await givenPost(t.ctx, { title: 'Night edition', slug: 'night-edition', status: 'scheduled', publishedAt: '2026-07-01T19:30:00Z' });
      const pages = ['/', '/2026/', '/2026/07/', '/2026/07/02/', '/2026/06/', '/2026/06/10/'];
      const expectNotYet = async () => {
        const home = (await t.app.inject('/')).body;
        expect(linkedDaysOf(home)).toEqual([]);
        expect(monthLinksOf(home)).toEqual(['prev /2026/06/']);
        expect(monthsOf(home)).toEqual(['June 2026 (1)']);
        expect(headlinesOf((await t.app.inject('/2026/')).body)).toEqual(['June story']);
        expect(headlinesOf((await t.app.inject('/2026/07/02/')).body)).toEqual([]);
        expect(monthLinksOf((await t.app.inject('/2026/06/')).body)).toEqual([]);
        expect((await t.app.inject('/2026/07/night-edition/')).statusCode).toBe(404);
      };
      for (const path of pages) await t.app.inject(path);
      await expectNotYet();

      // A minute before its time the sweep leaves it alone.
      t.clock.set('2026-07-01T19:29:00Z');
      expect(await publishDuePosts(t.ctx.database.db, t.clock.now(), t.ctx.pageCache!.invalidator)).toEqual([]);
      await expectNotYet();
      // With the cache on, those pages were served from it: the publication must reach them.
      if (pageCache === 'on') expect(t.ctx.pageCache!.stats.hits).toBeGreaterThan(0);

      t.clock.set('2026-07-01T19:30:00Z');
      expect(await publishDuePosts(t.ctx.database.db, t.clock.now(), t.ctx.pageCache!.invalidator)).toHaveLength(1);
      const home = (await t.app.inject('/')).body;
      expect(headlinesOf(home)).toEqual(['Night edition', 'June story']);
      expect(linkedDaysOf(home)).toEqual(['/2026/07/02/']);
      expect(calendarOf(home)).toContain('<td class="today" aria-current="date"><a href="/2026/07/02/"');
      expect(monthsOf(home)).toEqual(['July 2026 (1)', 'June 2026 (1)']);
      expect(headlinesOf((await t.app.inject('/2026/')).body)).toEqual(['Night edition', 'June story']);
      expect(headlinesOf((await t.app.inject('/2026/07/')).body)).toEqual(['Night edition']);
      expect(headlinesOf((await t.app.inject('/2026/07/02/')).body)).toEqual(['Night edition']);
      const june = (await t.app.inject('/2026/06/10/')).body;
      expect(monthLinksOf(june)).toEqual(['next /2026/07/']);
      expect(monthsOf(june)).toEqual(['July 2026 (1)', 'June 2026 (1)']);
      expect((await t.app.inject('/2026/07/night-edition/')).statusCode).toBe(200);
    });
  },
);
