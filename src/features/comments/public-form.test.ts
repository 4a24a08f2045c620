import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commentIdOf, Reader } from '../../../test/comments.js';
import { givenPost, givenSettings } from '../../../test/fixtures.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';
import { expectValidHtml } from '../../../test/html.js';

const ARTICLE = '/2026/01/article-under-discussion/';

describe.each(DIALECTS)('the comment form under an article on %s', (dialect) => {
  let t: TestApp;
  let postId: number;
  beforeEach(async () => {
    t = await buildTestApp(dialect, { config: { trustProxy: 'true' } });
    await givenSettings(t.ctx, { title: 'The Lantern', timeZone: 'UTC' });
    postId = await givenPost(t.ctx, { title: 'Article under discussion', slug: 'article-under-discussion' });
  });
  afterEach(async () => t.close());

  it('invites the first comment with name, email, website and comment, required ones marked, and says the email stays private', async () => {
    const res = await t.app.inject(ARTICLE);
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain('Be the first to comment.');
    expect(body).toContain('<h2 id="comments-heading">No comments</h2>');
    expect(body).toContain('<a class="comment-count" href="#comments">No comments</a>');
    expect(body).toContain('Your email address will not be published.');
    expect(body).toMatch(/<label for="comment-name">Name <span class="required">\(required\)<\/span><\/label>/);
    expect(body).toMatch(/<label for="comment-email">Email <span class="required">\(required\)<\/span><\/label>/);
    expect(body).toMatch(/<label for="comment-url">Website<\/label>/);
    expect(body).toMatch(/<label for="comment-body">Comment <span class="required">\(required\)<\/span><\/label>/);
    expect(body).toContain('<form method="post" action="/comments/"');
    expect(body).not.toContain('<!--comment');
    await expectValidHtml(body, 'article with empty comments');
  });

  it('holds a first-time commenter for moderation and shows the comment, marked, to its author alone', async () => {
    const maria = new Reader(t);
    const res = await maria.comment(ARTICLE, { body: 'Is there a source for the second figure?' });
    expect(res.statusCode).toBe(303);
    const id = commentIdOf(res);
    expect(res.headers.location).toBe(`${ARTICLE}#comment-${id}`);
    const own = await maria.get(ARTICLE);
    expect(own.body).toContain(`id="comment-${id}"`);
    expect(own.body).toContain('Your comment is awaiting moderation.');
    expect(own.body).toContain('Is there a source for the second figure?');
    await expectValidHtml(own.body, 'article with own pending comment');

    const stranger = await t.app.inject(ARTICLE);
    expect(stranger.body).not.toContain('Is there a source');
    expect(stranger.body).not.toContain('awaiting moderation');
    const forged = await t.app.inject({ url: ARTICLE, headers: { cookie: `bs_comments=${id}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA` } });
    expect(forged.body).not.toContain('Is there a source');
    const row = await t.ctx.database.db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', post_id: postId, author_email: 'maria@readers.example', ip: '203.0.113.7', depth: 1 });
    expect(row.ip_hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('publishes at once a comment from an email a moderator approved before, and counts it in the header', async () => {
    const maria = new Reader(t);
    const first = commentIdOf(await maria.comment(ARTICLE, { body: 'First words.' }));
    await t.ctx.database.db.updateTable('comments').set({ status: 'approved' }).where('id', '=', first).execute();
    const second = commentIdOf(await maria.comment(ARTICLE, { body: 'Second words.' }));
    const row = await t.ctx.database.db.selectFrom('comments').select('status').where('id', '=', second).executeTakeFirstOrThrow();
    expect(row.status).toBe('approved');
    const page = await t.app.inject(ARTICLE);
    expect(page.body).toContain('<a class="comment-count" href="#comments">2 comments</a>');
    expect(page.body).toContain('Second words.');
    expect(page.body).not.toContain('Be the first');
  });

  it('shows each teaser on the front page with its count of approved comments, linking to them', async () => {
    const maria = new Reader(t);
    const id = commentIdOf(await maria.comment(ARTICLE, { body: 'Counted.' }));
    commentIdOf(await maria.comment(ARTICLE, { body: 'Held, not counted.' }));
    await t.ctx.database.db.updateTable('comments').set({ status: 'approved' }).where('id', '=', id).execute();
    const home = await t.app.inject('/');
    expect(home.body).toContain(`<a class="comment-count" href="${ARTICLE}#comments">1 comment</a>`);
    expect(home.body).not.toContain('<!--teaser-comments');
    await expectValidHtml(home.body, 'home with comment counts');
  });

  it('holds even a known commenter when the setting to trust them is off', async () => {
    await givenSettings(t.ctx, { comments: { ...(await settingsOf(t)), autoApproveKnown: false } });
    const maria = new Reader(t);
    const first = commentIdOf(await maria.comment(ARTICLE, { body: 'First words.' }));
    await t.ctx.database.db.updateTable('comments').set({ status: 'approved' }).where('id', '=', first).execute();
    const second = commentIdOf(await maria.comment(ARTICLE, { body: 'Second words.' }));
    const row = await t.ctx.database.db.selectFrom('comments').select('status').where('id', '=', second).executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
  });

  it('shows the form again with 422, everything typed kept and the message by the field', async () => {
    const maria = new Reader(t);
    const res = await maria.comment(ARTICLE, { name: 'Maria <b>R</b>', email: 'not-an-email', url: 'javascript:alert(1)', body: 'Kept "as typed" & more' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('value="Maria &lt;b&gt;R&lt;/b&gt;"');
    expect(res.body).toContain('value="not-an-email"');
    expect(res.body).toContain('>Kept &quot;as typed&quot; &amp; more</textarea>');
    expect(res.body).toMatch(/<input[^>]*id="comment-email"[^>]*aria-invalid="true"/);
    expect(res.body).toContain('<p class="field-error" id="comment-email-error">Enter an email address like name@example.org.</p>');
    expect(res.body).toContain('<p class="field-error" id="comment-url-error">');
    expect(res.body).not.toContain('href="javascript:');
    await expectValidHtml(res.body, 'article with form errors');
    expect(await t.ctx.database.db.selectFrom('comments').select('id').execute()).toEqual([]);
  });

  it('refuses a form without the CSRF token', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/comments/', payload: { postId: String(postId), name: 'x', email: 'x@y.example', body: 'hi' } });
    expect(res.statusCode).toBe(403);
  });

  it('says comments are closed on a closed post, keeps showing its comments, and refuses new ones, giving a late comment\'s text back', async () => {
    const maria = new Reader(t);
    const id = commentIdOf(await maria.comment(ARTICLE, { body: 'Said before closing.' }));
    await t.ctx.database.db.updateTable('comments').set({ status: 'approved' }).where('id', '=', id).execute();
    const page = await maria.get(ARTICLE);
    await t.ctx.database.db.updateTable('posts').set({ comment_status: 'closed' }).where('id', '=', postId).execute();
    const closed = await t.app.inject(ARTICLE);
    expect(closed.body).toContain('Comments are closed.');
    expect(closed.body).toContain('Said before closing.');
    expect(closed.body).not.toContain('action="/comments/"');
    expect(closed.body).not.toContain('>Reply</a>');
    await expectValidHtml(closed.body, 'closed thread');
    t.clock.advance(5000);
    const hidden = page.body.match(/name="formToken" value="([^"]*)"/)![1]!;
    const res = await maria.browser.post('/comments/', { postId: String(postId), parentId: '', formToken: hidden, name: 'M', email: 'm@x.example', body: 'Late <b>words</b>,\n\nkept.' });
    expect(res.statusCode).toBe(403);
    // Not an error page: the article, its comments, the thread closed, and the text they sent, to keep.
    expect(res.body).toContain('Said before closing.');
    expect(res.body).toContain('Comments are closed.');
    expect(res.body).toContain('Comments on this article closed before your comment arrived, so it was not posted.');
    expect(res.body).toContain('<blockquote class="comment-kept"><p>Late &lt;b&gt;words&lt;/b&gt;,</p><p>kept.</p></blockquote>');
    expect(res.body).not.toContain('action="/comments/"');
    await expectValidHtml(res.body, 'closed thread with the refused text');
    expect(await t.ctx.database.db.selectFrom('comments').select('id').where('body', 'like', 'Late%').execute()).toEqual([]);
  });

  it('closes comments automatically on posts older than the setting', async () => {
    await givenSettings(t.ctx, { comments: { ...(await settingsOf(t)), closeCommentsAfterDays: 30 } });
    const page = await t.app.inject(ARTICLE);
    expect(page.body).toContain('Comments are closed.');
    await givenSettings(t.ctx, { comments: { ...(await settingsOf(t)), closeCommentsAfterDays: 365 } });
    expect((await t.app.inject(ARTICLE)).body).not.toContain('Comments are closed.');
  });
});

async function settingsOf(t: TestApp) {
  const { loadSettings } = await import('../site/index.js');
  return (await loadSettings(t.ctx.database.db)).comments;
}
