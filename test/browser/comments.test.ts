import { describe, expect, it } from 'vitest';
import { givenUser, PASSWORD } from '../admin.js';
import { useDemoSite } from './demo-site.js';
import { expectHealthyPage, type OpenedPage } from './harness.js';

/**
 * A reader comments on an article in a real Chromium, sees their comment awaiting moderation,
 * an editor approves it in the desk, it is public; a reply to it appears nested under it.
 */

// With the page cache on, as sites run by default: the stranger's pages come from it.
const site = useDemoSite({
  pageCache: true,
  setUp: async (server) => {
    await givenUser(server.testApp.ctx, 'editor', 'editor@lantern.example', 'Edna Editor');
    // The demo closes comments on some articles; this journey starts at the newest, opened here.
    await server.testApp.ctx.database.db.updateTable('posts').set({ comment_status: 'open' }).execute();
  },
});
const open = () => site.open();

/** The reader fills in the form under the article; the server's clock moves past the minimum time. */
async function postComment(opened: OpenedPage, name: string, text: string): Promise<void> {
  const form = opened.page.locator('form.comment-form');
  await form.getByRole('textbox', { name: 'Name (required)' }).fill(name);
  await form.getByRole('textbox', { name: 'Email (required)' }).fill(`${name.toLowerCase().replace(/\W+/g, '.')}@readers.example`);
  await form.getByRole('textbox', { name: 'Comment (required)' }).fill(text);
  site.server.testApp.clock.advance(10_000);
  await Promise.all([opened.page.waitForURL(/#comment-\d+$/), form.getByRole('button', { name: 'Post comment' }).click()]);
}

describe('commenting on an article', () => {
  it('shows a new comment as awaiting moderation to its author only, public once an editor approves it, and a reply nested under it, public once approved too', async () => {
    const reader = await open();
    await reader.page.goto('/');
    await Promise.all([
      reader.page.waitForURL((url) => url.pathname !== '/'),
      reader.page.locator('main ol.posts article h2 a').first().click(),
    ]);
    const articleUrl = reader.page.url();
    await expect.poll(() => reader.page.getByText('Be the first to comment.').count()).toBe(1);
    await expectHealthyPage(reader);

    await postComment(reader, 'Maria Reader', 'Where can I read the court ruling?');
    const mine = reader.page.locator('ol.comment-list > li.comment').first();
    await expect.poll(() => mine.textContent()).toContain('Your comment is awaiting moderation.');
    await expectHealthyPage(reader);

    const stranger = await open();
    const hits = site.server.testApp.ctx.pageCache!.stats.hits;
    for (let i = 0; i < 2; i++) {
      await stranger.page.goto(articleUrl);
      expect(await stranger.page.getByText('Where can I read the court ruling?').count()).toBe(0);
      expect(await stranger.page.getByText('awaiting moderation').count()).toBe(0);
    }
    expect(site.server.testApp.ctx.pageCache!.stats.hits).toBeGreaterThan(hits);

    const editor = await open();
    await editor.page.goto('/admin/');
    await editor.page.getByLabel('Email').fill('editor@lantern.example');
    await editor.page.getByLabel('Password').fill(PASSWORD);
    await Promise.all([editor.page.waitForURL(/\/admin\/$/), editor.page.getByRole('button', { name: 'Sign in' }).click()]);
    await editor.page.goto('/admin/comments');
    await expectHealthyPage(editor);
    await editor.page.getByRole('checkbox', { name: /Maria Reader/ }).check();
    await editor.page.getByLabel('With the selected comments').selectOption('approve');
    await Promise.all([editor.page.waitForURL(/\/admin\/comments/), editor.page.getByRole('button', { name: 'Apply' }).click()]);
    await expect.poll(() => editor.page.getByText('1 comment updated.').count()).toBe(1);

    await stranger.page.goto(articleUrl);
    const published = stranger.page.locator('ol.comment-list > li.comment').first();
    await expect.poll(() => published.textContent()).toContain('Where can I read the court ruling?');
    expect(await published.textContent()).not.toContain('awaiting moderation');
    expect(await stranger.page.locator('header a.comment-count').textContent()).toBe('1 comment');

    await published.getByRole('link', { name: 'Reply to Maria Reader' }).click();
    await stranger.page.waitForURL(/replytocom=\d+#respond$/);
    await expect.poll(() => stranger.page.locator('#reply-title').textContent()).toContain('Reply to Maria Reader');
    await postComment(stranger, 'Timur Reader', 'It is linked in the third paragraph.');
    const nested = stranger.page.locator('ol.comment-list > li.comment > ol.comment-children > li.comment');
    await expect.poll(() => nested.first().textContent()).toContain('It is linked in the third paragraph.');
    expect(await nested.first().textContent()).toContain('Your comment is awaiting moderation.');
    await expectHealthyPage(stranger);

    // Approved in the desk, the reply is public, nested, for a reader who never commented.
    await editor.page.goto('/admin/comments');
    await editor.page.getByRole('checkbox', { name: /Timur Reader/ }).check();
    await editor.page.getByLabel('With the selected comments').selectOption('approve');
    await Promise.all([editor.page.waitForURL(/\/admin\/comments/), editor.page.getByRole('button', { name: 'Apply' }).click()]);
    const third = await open();
    await third.page.goto(articleUrl);
    const publicReply = third.page.locator('ol.comment-list > li.comment > ol.comment-children > li.comment');
    await expect.poll(() => publicReply.first().textContent()).toContain('It is linked in the third paragraph.');
    expect(await third.page.locator('ol.comment-list').textContent()).not.toContain('awaiting moderation');
    expect(await third.page.locator('header a.comment-count').textContent()).toBe('2 comments');
  }, 120_000);
});
