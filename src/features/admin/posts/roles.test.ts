import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestBrowser } from '../../../../test/admin.js';
import { postForm, savedPostId, signedIn, versionOf, type Writer } from '../../../../test/admin-posts.js';
import { givenPost } from '../../../../test/fixtures.js';
import { expectValidHtml } from '../../../../test/html.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../../test/helpers.js';

describe.each(DIALECTS)('who may do what to posts on %s', (dialect) => {
  let t: TestApp;
  let editor: Writer;
  const db = () => t.ctx.database.db;
  const statusOf = async (id: number) =>
    (await db().selectFrom('posts').select(['status', 'deleted_at']).where('id', '=', id).executeTakeFirstOrThrow());
  /** A 403 for the role, not a CSRF or sign-in failure. */
  const refused = (res: { statusCode: number; body: string }, what = '') => {
    expect(res.statusCode, what).toBe(403);
    expect(res.body, what).toContain('You are not allowed to do that');
  };
  beforeEach(async () => {
    t = await buildTestApp(dialect);
    editor = await signedIn(t.app, t.ctx, 'editor', 'Ed Itor');
  });
  afterEach(async () => t.close());

  it.each([['a contributor', 'contributor'], ['an author', 'author']] as const)('lets %s write a draft and edit it, but not publish, schedule, trash or touch anyone else’s post', async (_, role) => {
    const writer = await signedIn(t.app, t.ctx, role, `Wri Ter ${role}`);
    const own = savedPostId(await writer.browser.post('/admin/posts/new', postForm()));
    const form = await writer.browser.get(`/admin/posts/${own}/edit`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('>Save draft</button>');
    for (const hidden of ['>Publish</button>', '>Schedule</button>', '>Move to trash</button>']) expect(form.body).not.toContain(hidden);
    expect(savedPostId(await writer.browser.post(`/admin/posts/${own}`, postForm({ title: 'Better headline', version: await versionOf(writer.browser, own) })))).toBe(own);

    // Buttons they do not see are refused on the server too.
    const version = await versionOf(writer.browser, own);
    refused(await writer.browser.post('/admin/posts/new', postForm({ action: 'publish' })));
    refused(await writer.browser.post(`/admin/posts/${own}`, postForm({ action: 'publish', version })));
    refused(await writer.browser.post(`/admin/posts/${own}`, postForm({ action: 'schedule', publishAt: '2026-07-01T09:00', version })));
    for (const path of ['trash', 'unpublish', 'restore', 'delete']) {
      refused(await writer.browser.post(`/admin/posts/${own}/${path}`, {}), path);
    }
    expect(await statusOf(own)).toEqual({ status: 'draft', deleted_at: null });

    // Someone else's draft: not to be seen, edited or previewed.
    const theirs = await givenPost(t.ctx, { status: 'draft', title: 'Someone else’s draft' });
    for (const path of [`/admin/posts/${theirs}/edit`, `/admin/posts/${theirs}/preview`, `/admin/posts/${theirs}/revisions`]) {
      refused(await writer.browser.get(path), path);
    }
    refused(await writer.browser.post(`/admin/posts/${theirs}`, postForm({ title: 'Hijacked' })));
    refused(await writer.browser.post(`/admin/posts/${theirs}/autosave`, postForm({ title: 'Hijacked' })));
    const list = await writer.browser.get('/admin/posts');
    expect(list.body).toContain('Better headline');
    expect(list.body).not.toContain('Someone else’s draft');
    await expectValidHtml(list.body, `${role}'s list`);
  });

  it('stops a writer editing their own post once an editor has published it', async () => {
    const writer = await signedIn(t.app, t.ctx, 'author', 'Aut Hor');
    const id = savedPostId(await writer.browser.post('/admin/posts/new', postForm()));
    const version = await versionOf(editor.browser, id);
    savedPostId(await editor.browser.post(`/admin/posts/${id}`, postForm({ action: 'publish', version })));
    const page = await writer.browser.get(`/admin/posts/${id}/edit`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('>Save draft</button>');
    expect(page.body).not.toContain('>Update</button>');
    expect(page.body).toContain('Only an editor can change this post now that it is published.');
    expect(page.body).not.toContain('data-autosave-url');
    refused(await writer.browser.post(`/admin/posts/${id}`, postForm({ title: 'Quietly changed', version: await versionOf(writer.browser, id) })));
    expect((await db().selectFrom('posts').select('title').where('id', '=', id).executeTakeFirstOrThrow()).title).toBe('Tram drivers vote to strike');
    const list = await writer.browser.get('/admin/posts');
    expect(list.body).toContain(`<a href="/admin/posts/${id}/preview">Tram drivers vote to strike</a>`);
  });

  it('lets an author submit a draft for review, which editors see waiting in the list, and not a contributor', async () => {
    const author = await signedIn(t.app, t.ctx, 'author', 'Aut Hor');
    const page = await author.browser.get('/admin/posts/new');
    expect(page.body).toContain('>Submit for review</button>');
    const id = savedPostId(await author.browser.post('/admin/posts/new', postForm({ action: 'submit' })));
    expect(await author.browser.get(`/admin/posts/${id}/edit`).then((r) => r.body)).toContain('Sent to the editors for review.');
    const row = await db().selectFrom('posts').select(['status', 'review_requested_at']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'draft', review_requested_at: '2026-06-15T12:00:00.000Z' });
    const waiting = await editor.browser.get('/admin/posts?status=review');
    expect(waiting.body).toContain('<span class="status status-review">Waiting for review</span>');
    expect(waiting.body).toContain('Tram drivers vote to strike');
    await expectValidHtml(waiting.body, 'review list');

    const contributor = await signedIn(t.app, t.ctx, 'contributor', 'Con Tributor');
    expect((await contributor.browser.get('/admin/posts/new')).body).not.toContain('Submit for review');
    refused(await contributor.browser.post('/admin/posts/new', postForm({ action: 'submit' })));

    savedPostId(await editor.browser.post(`/admin/posts/${id}`, postForm({ action: 'publish', version: await versionOf(editor.browser, id) })));
    expect((await db().selectFrom('posts').select('review_requested_at').where('id', '=', id).executeTakeFirstOrThrow()).review_requested_at).toBeNull();
  });

  it('lets an editor edit anyone’s post, published ones included', async () => {
    const id = await givenPost(t.ctx, { title: 'Published by someone else', publishedAt: '2026-06-01T09:00:00Z' });
    const page = await editor.browser.get(`/admin/posts/${id}/edit`);
    expect(page.body).toContain('>Update</button>');
    expect(page.body).toContain('>Unpublish</button>');
    expect(page.body).toContain('>Move to trash</button>');
    const res = await editor.browser.post(`/admin/posts/${id}`, postForm({
      title: 'Corrected headline', slug: 'article-number-1', version: await versionOf(editor.browser, id), publishAt: '2026-06-01T09:00',
    }));
    expect(savedPostId(res)).toBe(id);
    expect(await db().selectFrom('posts').select(['title', 'status']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ title: 'Corrected headline', status: 'published' });
    expect((await t.app.inject('/2026/06/article-number-1/')).statusCode).toBe(200);
  });

  it('asks a signed-out visitor to sign in instead of showing or saving posts', async () => {
    const id = await givenPost(t.ctx, { status: 'draft' });
    const visitor = new TestBrowser(t.app);
    const list = await visitor.get('/admin/posts');
    expect(list.statusCode).toBe(401);
    expect(list.body).toContain('<button type="submit">Sign in</button>');
    expect((await visitor.get(`/admin/posts/${id}/preview`)).statusCode).toBe(401);
    expect((await visitor.post(`/admin/posts/${id}/trash`, {})).statusCode).toBe(401);
    expect((await visitor.post('/admin/preview', { body: 'x' })).statusCode).toBe(401);
  });
});
