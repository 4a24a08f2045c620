import { describe, expect, it } from 'vitest';
import { useDemoSite } from './demo-site.js';
import { expectHealthyPage } from './harness.js';

/**
 * Pages from the page cache in a real Chromium: an article with a comment form comes gzipped,
 * spliced from deflated stretches around each reader's own tokens (cache/gzip-splice.ts), and
 * its sidebar spliced in; the browser reads it whole, and the form in it works.
 */

const site = useDemoSite({
  pageCache: true,
  setUp: async (server) => {
    await server.testApp.ctx.database.db.updateTable('posts').set({ comment_status: 'open' }).execute();
  },
});
const open = () => site.open();

describe('a cached article in a real browser', () => {
  it('arrives gzipped with the reader’s own token and the sidebar inside, reads whole, and takes a comment', async () => {
    const first = await open();
    await first.page.goto('/');
    await Promise.all([
      first.page.waitForURL((url) => url.pathname !== '/'),
      first.page.locator('main ol.posts article h2 a').first().click(),
    ]);
    const articleUrl = first.page.url();
    const title = await first.page.locator('main h1').first().textContent();
    await site.server.testApp.ctx.pageCache!.settled();

    const reader = await open();
    const hits = site.server.testApp.ctx.pageCache!.stats.hits;
    const response = await reader.page.goto(articleUrl);
    expect(site.server.testApp.ctx.pageCache!.stats.hits).toBe(hits + 1);
    expect(response!.headers()['content-encoding']).toBe('gzip');
    expect(await reader.page.locator('main h1').first().textContent()).toBe(title);
    expect(await reader.page.locator('aside.sidebar table caption').count()).toBe(1);
    const token = await reader.page.locator('form.comment-form input[name="_csrf"]').inputValue();
    const cookie = (await reader.context.cookies()).find((c) => c.name === 'bs_csrf');
    expect(token).toBe(cookie?.value);
    await expectHealthyPage(reader);

    const form = reader.page.locator('form.comment-form');
    await form.getByRole('textbox', { name: 'Name (required)' }).fill('Olga Reader');
    await form.getByRole('textbox', { name: 'Email (required)' }).fill('olga@readers.example');
    await form.getByRole('textbox', { name: 'Comment (required)' }).fill('Is the ruling online?');
    site.server.testApp.clock.advance(10_000);
    await Promise.all([reader.page.waitForURL(/#comment-\d+$/), form.getByRole('button', { name: 'Post comment' }).click()]);
    await expect.poll(() => reader.page.locator('ol.comment-list > li.comment').first().textContent()).toContain('Is the ruling online?');
  }, 120_000);
});
