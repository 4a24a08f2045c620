import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoPostsEn } from '../../src/features/demo/content/posts-en.js';
import { demoPostsRu } from '../../src/features/demo/content/posts-ru.js';
import { demoSite } from '../../src/features/demo/content/site.js';
import type { DemoPost } from '../../src/features/demo/content/types.js';
import { useDemoSite } from './demo-site.js';
import { expectHealthyPage, expectNoHorizontalScroll, follow, type OpenedPage, type OpenPageOptions } from './harness.js';

/**
 * A reader's journey through the demo newsroom in a real Chromium. Every page opened here gets
 * the same four checks (expectHealthyPage): no console error, no request to another host, no
 * serious or critical axe violation, and valid HTML as served.
 */

const demoPost = (key: string): DemoPost => {
  const post = [...demoPostsEn, ...demoPostsRu].find((p) => p.key === key);
  if (!post) throw new Error(`no demo post with key ${key}`);
  return post;
};
const longRead = demoPost('long-read-the-year-in-court');
const pickets = demoPost('pickets-in-twelve-towns');
const picketsRu = demoPost('pickets-in-twelve-towns-ru');

const PHONE: OpenPageOptions = { viewport: { width: 375, height: 667 }, isMobile: true, deviceScaleFactor: 2 };
const PHONE_SCREENSHOT = '/tmp/broadside-article-phone.png';

const site = useDemoSite();
const open = (options?: OpenPageOptions) => site.open(options);

/** Headline links in the list of teasers on a home, author, category or tag page. */
const headlines = (opened: OpenedPage): Locator => opened.page.locator('main ol.posts article h2 a');

/**
 * From the current list page, follows "Older articles" until a headline with this exact text
 * shows up (checking every page on the way), and returns its link.
 */
async function findHeadline(opened: OpenedPage, title: string): Promise<Locator> {
  for (let hops = 0; hops < 20; hops++) {
    const link = opened.page.locator('main ol.posts article h2').getByRole('link', { name: title, exact: true });
    if ((await link.count()) > 0) return link.first();
    const older = opened.page.locator('nav.pagination a[rel="next"]');
    if ((await older.count()) === 0) throw new Error(`no headline "${title}" on ${opened.page.url()} or any older page`);
    await follow(opened, older);
  }
  throw new Error(`gave up looking for "${title}" after 20 pages`);
}

async function openHome(options?: OpenPageOptions): Promise<OpenedPage> {
  const opened = await open(options);
  const response = await opened.page.goto('/');
  expect(response?.status()).toBe(200);
  await expectHealthyPage(opened);
  return opened;
}

describe('A reader of the demo newsroom in a real browser', () => {
  it('sees the site title and at least ten article headlines on the front page', async () => {
    const home = await openHome();
    await expect(home.page.title()).resolves.toBe(demoSite.title);
    const siteTitle = home.page.locator('.site-header .site-title a');
    expect(await siteTitle.isVisible()).toBe(true);
    expect(await siteTitle.textContent()).toBe(demoSite.title);
    const links = headlines(home);
    expect(await links.count()).toBeGreaterThanOrEqual(10);
    for (const link of await links.all()) expect(await link.isVisible(), `headline ${await link.textContent()}`).toBe(true);
  });

  it('clicks the first headline and lands on that article, with its date and a byline linking to the author', async () => {
    const home = await openHome();
    const first = headlines(home).first();
    const headline = (await first.textContent())?.trim();
    expect(headline).toBeTruthy();
    await follow(home, first);

    const { page } = home;
    expect((await page.locator('main h1').textContent())?.trim()).toBe(headline);
    const date = page.locator('article.article header .meta > time[datetime]');
    expect(await date.isVisible()).toBe(true);
    expect(Number.isNaN(Date.parse((await date.getAttribute('datetime')) ?? ''))).toBe(false);
    const authors = page.locator('article.article header .byline a[rel="author"]');
    expect(await authors.count()).toBeGreaterThan(0);
    expect(await authors.first().getAttribute('href')).toMatch(/^\/author\/[a-z0-9-]+\/$/);
  });

  it("follows the byline to the author's page and sees the author's articles listed", async () => {
    const home = await openHome();
    await follow(home, headlines(home).first());
    const author = home.page.locator('article.article header .byline a[rel="author"]').first();
    const name = (await author.textContent())?.trim() ?? '';
    await follow(home, author);

    expect(new URL(home.page.url()).pathname).toMatch(/^\/author\/[a-z0-9-]+\/$/);
    // The author page is in the site's language even when the article we came from was not.
    expect(await home.page.locator('html').getAttribute('lang')).toBe(demoSite.defaultLanguage);
    expect((await home.page.locator('main h1').textContent())?.trim()).toBe(`Articles by ${name}`);
    expect(await headlines(home).count()).toBeGreaterThan(0);
  });

  it("finds the year's long read on an older page of the front page and reads it, table and footnotes included", async () => {
    const home = await openHome();
    await follow(home, await findHeadline(home, longRead.title));

    const { page } = home;
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/\\d{4}/\\d{2}/${longRead.slug}/$`));
    expect((await page.locator('main h1').textContent())?.trim()).toBe(longRead.title);
    const date = page.locator('article.article header .meta > time[datetime]');
    expect(await date.isVisible()).toBe(true);
    expect(Date.parse((await date.getAttribute('datetime')) ?? '')).toBe(Date.parse(longRead.publishedAt));
    expect(await page.locator('article.article header .byline a[rel="author"]').count()).toBe(longRead.authors.length);
    expect(await page.getByRole('heading', { level: 2, name: 'The year in numbers' }).isVisible()).toBe(true);
    expect(await page.locator('.body table').isVisible()).toBe(true);
    expect(await page.locator('.body table tbody tr').count()).toBe(5);
    expect(await page.locator('.body .footnotes li').count()).toBe(2);
  });

  it('switches the pickets report to Russian and reads a Russian page with the date written in Russian', async () => {
    const home = await openHome();
    await follow(home, await findHeadline(home, pickets.title));
    const { page } = home;
    expect((await page.locator('main h1').textContent())?.trim()).toBe(pickets.title);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    const translation = page.locator('nav.translations a[hreflang="ru"]');
    expect(await translation.textContent()).toBe(picketsRu.title);
    await follow(home, translation);

    expect(new URL(page.url()).pathname).toMatch(new RegExp(`/${picketsRu.slug}/$`));
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    expect((await page.locator('main h1').textContent())?.trim()).toBe(picketsRu.title);
    const date = page.locator('article.article header .meta > time[datetime]');
    expect(await date.isVisible()).toBe(true);
    expect(Date.parse((await date.getAttribute('datetime')) ?? '')).toBe(Date.parse(picketsRu.publishedAt));
    expect((await date.textContent())?.trim()).toMatch(/^14 июня 2025/);
    expect((await page.locator('article.article header .byline').textContent())?.trim()).toMatch(/^Текст: /);
    // And the way back to English.
    expect(await page.locator('nav.translations a[hreflang="en"]').textContent()).toBe(pickets.title);
  });

  it('mistypes an address and sees a helpful "Page not found" with a link back to the front page', async () => {
    const reader = await open();
    const response = await reader.page.goto('/2025/13/no-such-article/');
    expect(response?.status()).toBe(404);
    await expectHealthyPage(reader, { documentStatus: 404 });

    const { page } = reader;
    expect((await page.locator('main h1').textContent())?.trim()).toBe('Page not found');
    expect(await page.getByText('We could not find this page.').isVisible()).toBe(true);
    expect(await page.locator('main ol.posts article h3 a').count()).toBeGreaterThan(0);
    const front = page.getByRole('link', { name: 'Go to the front page', exact: true });
    expect(await front.getAttribute('href')).toBe('/');
    await follow(reader, front);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await headlines(reader).count()).toBeGreaterThanOrEqual(10);
  });

  it('reads the first article on a phone without scrolling sideways', async () => {
    const phone = await openHome(PHONE);
    await expectNoHorizontalScroll(phone);
    await follow(phone, headlines(phone).first());
    await expectNoHorizontalScroll(phone);
    expect(await phone.page.locator('main h1').isVisible()).toBe(true);
    await phone.page.screenshot({ path: PHONE_SCREENSHOT, fullPage: true });
  });

  it('reads the long read, table included, on a phone without scrolling sideways', async () => {
    const phone = await openHome(PHONE);
    const link = await findHeadline(phone, longRead.title);
    // Layout first, so a failing audit below does not hide what the reader sees.
    await link.click();
    await phone.page.waitForURL(new RegExp(`/${longRead.slug}/$`));
    await expectNoHorizontalScroll(phone);
    expect(await phone.page.locator('.body table').isVisible()).toBe(true);
    await expectHealthyPage(phone);
  });
});
