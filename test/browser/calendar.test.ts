import { describe, expect, it } from 'vitest';
import { demoPostsEn } from '../../src/features/demo/content/posts-en.js';
import { demoPostsRu } from '../../src/features/demo/content/posts-ru.js';
import { demoSite } from '../../src/features/demo/content/site.js';
import { localDateOf, pad2 } from '../../src/lib/dates.js';
import { DEMO_NOW } from '../browser-server.js';
import { useDemoSite } from './demo-site.js';
import { expectHealthyPage, expectNoHorizontalScroll, follow } from './harness.js';

/**
 * A reader browsing the demo newsroom by date with the sidebar calendar, in a real Chromium.
 * Expectations are computed from the demo content in the newsroom's time zone, so they follow
 * the demo if its articles change.
 */

const demoPosts = [...demoPostsEn, ...demoPostsRu];
const localDate = (instant: string) => localDateOf(instant, demoSite.timeZone);
const monthKey = (d: { year: number; month: number }) => `${d.year}-${pad2(d.month)}`;
const monthName = (key: string) =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${key}-01T00:00:00Z`));

/** Months (YYYY-MM) with demo posts published by DEMO_NOW, newest first. */
const monthsWithPosts = [...new Set(demoPosts.filter((p) => p.publishedAt <= DEMO_NOW).map((p) => monthKey(localDate(p.publishedAt))))]
  .sort()
  .reverse();
const currentMonth = monthKey(localDate(DEMO_NOW));

const site = useDemoSite();

describe('A reader browsing by date in a real browser', () => {
  it('goes back two months with posts in the calendar, skipping empty ones, and opens a day', async () => {
    const opened = await site.open();
    const { page } = opened;
    await page.goto('/');
    await expectHealthyPage(opened);
    const calendar = page.locator('aside .calendar');
    expect((await calendar.locator('caption').textContent())?.trim()).toBe(monthName(currentMonth));

    // The two nearest earlier months that have posts, whatever empty months lie between.
    const earlier = monthsWithPosts.filter((m) => m < currentMonth);
    for (const month of earlier.slice(0, 2)) {
      const previous = calendar.getByRole('navigation').locator('a.prev');
      expect((await previous.textContent())?.trim()).toBe(`« ${monthName(month)}`);
      await follow(opened, previous);
      expect(new URL(page.url()).pathname).toBe(`/${month.replace('-', '/')}/`);
      expect((await page.locator('main h1').textContent())?.trim()).toBe(monthName(month));
      expect((await calendar.locator('caption').textContent())?.trim()).toBe(monthName(month));
    }

    const target = earlier[1]!;
    const postsThatMonth = demoPosts.filter((p) => monthKey(localDate(p.publishedAt)) === target);
    const firstDay = Math.min(...postsThatMonth.map((p) => localDate(p.publishedAt).day));
    const dayLinks = calendar.locator('tbody a');
    expect(await dayLinks.count()).toBe(new Set(postsThatMonth.map((p) => localDate(p.publishedAt).day)).size);
    const dayLink = dayLinks.first();
    expect((await dayLink.textContent())?.trim()).toBe(String(firstDay));
    await follow(opened, dayLink);

    expect(new URL(page.url()).pathname).toBe(`/${target.replace('-', '/')}/${pad2(firstDay)}/`);
    const onThatDay = postsThatMonth.filter((p) => localDate(p.publishedAt).day === firstDay).map((p) => p.title);
    const headlines = await page.locator('main ol.posts article h2 a').allTextContents();
    expect(headlines.map((h) => h.trim()).sort()).toEqual(onThatDay.sort());
    expect(await page.locator('aside .calendar tbody a', { hasText: String(firstDay) }).first().isVisible()).toBe(true);
  });

  it('shows the sidebar beside the articles on a wide screen and below them on a phone', async () => {
    for (const [viewport, beside] of [[{ width: 1280, height: 800 }, true], [{ width: 375, height: 667 }, false]] as const) {
      const opened = await site.open({ viewport, isMobile: !beside });
      await opened.page.goto('/');
      await expectHealthyPage(opened);
      const main = (await opened.page.locator('main').boundingBox())!;
      const aside = (await opened.page.locator('aside.sidebar').boundingBox())!;
      if (beside) {
        expect(aside.x, 'sidebar to the right of the articles').toBeGreaterThanOrEqual(main.x + main.width);
        expect(aside.y).toBeLessThan(main.y + main.height);
      } else {
        expect(aside.y, 'sidebar below the articles').toBeGreaterThanOrEqual(main.y + main.height);
        await expectNoHorizontalScroll(opened);
      }
      await opened.close();
    }
  });
});
