import { describe, expect, it } from 'vitest';
import { useDemoSite } from './demo-site.js';
import { expectHealthyPage, type OpenedPage } from './harness.js';

/**
 * JSON-LD and print in a real Chromium: the site's CSP (`script-src 'self'`) must not object to
 * the JSON-LD data block, and an article must print without the site's furniture.
 */

const REPORT = 'https://example.org/reports/2026/tram-budget';

const site = useDemoSite({
  setUp: async (server) => {
    const db = server.testApp.ctx.database.db;
    // Comments open everywhere, so the article shows its comment form; a link in the newest article's body.
    await db.updateTable('posts').set({ comment_status: 'open' }).execute();
    const newest = await db.selectFrom('posts').select(['id', 'body_html']).where('status', '=', 'published')
      .orderBy('published_at', 'desc').limit(1).executeTakeFirstOrThrow();
    await db.updateTable('posts').set({ body_html: `${newest.body_html}\n<p>Read <a href="${REPORT}">the audit report</a>.</p>` })
      .where('id', '=', newest.id).execute();
  },
});

/** The newest article, opened from the home page. */
async function openFirstArticle(): Promise<OpenedPage> {
  const opened = await site.open();
  await opened.page.goto('/');
  await opened.page.locator('main ol.posts article h2 a').first().click();
  await opened.page.waitForURL(/\/\d{4}\/\d{2}\/[^/]+\/$/);
  return opened;
}

/** What a printed article leaves out: the site's furniture, the comments and their form. */
const LEFT_OUT = ['.skip', '.site-header nav', '.sidebar', '.adjacent', '.site-footer', 'section.comments', 'form.comment-form'];

describe('an article in the browser', () => {
  it('carries a NewsArticle JSON-LD block that the browser reads as data, with no CSP error in the console', async () => {
    const opened = await openFirstArticle();
    const { page } = opened;
    await expectHealthyPage(opened);
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(blocks).toHaveLength(1);
    const data = JSON.parse(blocks[0]!) as Record<string, unknown>;
    expect(data['@type']).toBe('NewsArticle');
    expect(data.headline).toBe(await page.locator('main h1').textContent());
    expect(data.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': page.url() });
  });

  it('prints without navigation, sidebar, comments or comment form, in a serif on white, with the address after each link in the article', async () => {
    const { page } = await openFirstArticle();
    const displays = () => page.evaluate((selectors) => Object.fromEntries(selectors.map((selector) => {
      const element = document.querySelector(selector);
      return [selector, element ? getComputedStyle(element).display : 'missing'];
    })), LEFT_OUT);
    const link = page.locator(`.article .body a[href="${REPORT}"]`);
    const after = () => link.evaluate((a) => getComputedStyle(a, '::after').content);

    // On screen every one of them is there and shown, and the link has nothing after it.
    const onScreen = await displays();
    for (const selector of LEFT_OUT) expect(onScreen[selector], selector).not.toMatch(/^(none|missing)$/);
    expect(await after()).toBe('none');

    await page.emulateMedia({ media: 'print' });
    expect(await displays()).toEqual(Object.fromEntries(LEFT_OUT.map((selector) => [selector, 'none'])));
    await expect.poll(() => page.locator('main h1').isVisible()).toBe(true);
    expect(await page.locator('.article .body').isVisible()).toBe(true);
    const body = await page.evaluate(() => ({ font: getComputedStyle(document.body).fontFamily, background: getComputedStyle(document.body).backgroundColor }));
    expect(body.font).toMatch(/serif/);
    expect(body.background).toBe('rgba(0, 0, 0, 0)');
    expect(await after()).toBe(`" (${REPORT})"`);
  });
});
