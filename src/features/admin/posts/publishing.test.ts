import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postForm, savedPostId, signedIn, versionOf, type Writer } from '../../../../test/admin-posts.js';
import { givenPost, givenSettings } from '../../../../test/fixtures.js';
import { expectValidHtml } from '../../../../test/html.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../../test/helpers.js';
import { publishDuePosts } from '../../posts/index.js';

describe.each(DIALECTS)('scheduling, unpublishing and the trash on %s', (dialect) => {
  let t: TestApp;
  let editor: Writer;
  const db = () => t.ctx.database.db;
  const article = (path: string) => t.app.inject(path).then((r) => r.statusCode);
  const postActions = async () =>
    (await db().selectFrom('audit_log').select(['action', 'actor']).where('action', 'like', 'post.%').orderBy('id').execute());
  beforeEach(async () => {
    t = await buildTestApp(dialect);
    editor = await signedIn(t.app, t.ctx, 'editor', 'Ed Itor');
  });
  afterEach(async () => t.close());

  it('schedules a post at a time in the site’s time zone, and it goes live when that time comes without anyone acting', async () => {
    await givenSettings(t.ctx, { timeZone: 'Europe/Berlin' });
    const id = savedPostId(await editor.browser.post('/admin/posts/new', postForm({ action: 'schedule', publishAt: '2026-06-20T09:30' })));
    const page = await editor.browser.get(`/admin/posts/${id}/edit`);
    expect(page.body).toContain('Scheduled: it will be published on 20 June 2026 at 09:30 (Europe/Berlin).');
    expect(page.body).toContain('<span class="status status-scheduled">Scheduled</span>');
    expect(page.body).toContain('>Unschedule</button>');
    await expectValidHtml(page.body, 'scheduled post');
    const row = await db().selectFrom('posts').select(['status', 'published_at']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'scheduled', published_at: '2026-06-20T07:30:00.000Z' });

    const path = '/2026/06/tram-drivers-vote-to-strike/';
    expect(await article(path)).toBe(404);
    t.clock.set('2026-06-20T07:29:59Z');
    expect(await publishDuePosts(db(), t.clock.now())).toEqual([]);
    expect(await article(path)).toBe(404);
    t.clock.set('2026-06-20T07:30:00Z');
    expect(await publishDuePosts(db(), t.clock.now())).toEqual([id]);
    expect(await article(path)).toBe(200);
    expect(await publishDuePosts(db(), t.clock.now())).toEqual([]);
    expect(await postActions()).toEqual([
      { action: 'post.schedule', actor: editor.email },
      { action: 'post.publish', actor: 'scheduler' },
    ]);
  });

  it('asks for a time in the future to schedule, keeping the rest of the form', async () => {
    const missing = await editor.browser.post('/admin/posts/new', postForm({ action: 'schedule' }));
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('<p class="field-error" id="publishAt-error">Choose when to publish</p>');
    const past = await editor.browser.post('/admin/posts/new', postForm({ action: 'schedule', publishAt: '2026-06-15T11:00' }));
    expect(past.statusCode).toBe(422);
    expect(past.body).toContain('Choose a time in the future, or publish now');
    expect(past.body).toContain('value="2026-06-15T11:00"');
    await expectValidHtml(past.body, 'schedule error');
  });

  it('publishes a scheduled post straight away when asked, whatever its time', async () => {
    const id = savedPostId(await editor.browser.post('/admin/posts/new', postForm({ action: 'schedule', publishAt: '2026-07-01T09:00' })));
    const res = await editor.browser.post(`/admin/posts/${id}`, postForm({ action: 'publish', publishAt: '2026-07-01T09:00', version: await versionOf(editor.browser, id) }));
    savedPostId(res);
    expect(await db().selectFrom('posts').select(['status', 'published_at']).where('id', '=', id).executeTakeFirstOrThrow())
      .toEqual({ status: 'published', published_at: '2026-06-15T12:00:00.000Z' });
  });

  it('unpublishes a post, which readers then no longer find, and records it', async () => {
    const id = savedPostId(await editor.browser.post('/admin/posts/new', postForm({ action: 'publish' })));
    await editor.browser.get(`/admin/posts/${id}/edit`);
    const res = await editor.browser.post(`/admin/posts/${id}/unpublish`, {});
    expect(res.headers.location).toBe(`/admin/posts/${id}/edit`);
    expect((await editor.browser.get(`/admin/posts/${id}/edit`)).body).toContain('Unpublished: it is a draft again');
    expect(await article('/2026/06/tram-drivers-vote-to-strike/')).toBe(404);
    expect((await postActions()).map((a) => a.action)).toEqual(['post.publish', 'post.unpublish']);
  });

  it('keeps a published post’s address when its slug field is emptied', async () => {
    const id = await givenPost(t.ctx, { title: 'Old headline', publishedAt: '2026-06-01T09:00:00Z' });
    await editor.browser.post(`/admin/posts/${id}`, postForm({ title: 'New headline', slug: '', publishAt: '2026-06-01T09:00', version: await versionOf(editor.browser, id) }));
    expect(await article('/2026/06/old-headline/')).toBe(200);
  });

  it('moves a post to the trash, lists it there, restores it as a draft, and deletes it for good, recording each step', async () => {
    const id = savedPostId(await editor.browser.post('/admin/posts/new', postForm({ action: 'publish' })));
    await editor.browser.get(`/admin/posts/${id}/edit`);
    expect((await editor.browser.post(`/admin/posts/${id}/trash`, {})).headers.location).toBe('/admin/posts');
    expect(await article('/2026/06/tram-drivers-vote-to-strike/')).toBe(404);
    expect((await editor.browser.get('/admin/posts')).body).not.toContain('Tram drivers vote to strike');
    const trash = await editor.browser.get('/admin/posts?status=trash');
    expect(trash.body).toContain('<span class="status status-trash">In the trash</span>');
    expect(trash.body).toContain('Restore<span class="visually-hidden"> Tram drivers vote to strike</span></button>');
    await expectValidHtml(trash.body, 'trash');
    const trashed = await editor.browser.get(`/admin/posts/${id}/edit`);
    expect(trashed.body).toContain('This post is in the trash');
    expect(trashed.body).not.toContain('id="post-form"');
    await expectValidHtml(trashed.body, 'trashed post');
    expect((await editor.browser.post(`/admin/posts/${id}`, postForm({ version: await versionOf(editor.browser, id).catch(() => '') }))).statusCode).toBe(403);

    expect((await editor.browser.post(`/admin/posts/${id}/restore`, {})).headers.location).toBe(`/admin/posts/${id}/edit`);
    expect(await db().selectFrom('posts').select(['status', 'deleted_at']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ status: 'draft', deleted_at: null });
    expect(await article('/2026/06/tram-drivers-vote-to-strike/')).toBe(404);

    expect((await editor.browser.post(`/admin/posts/${id}/delete`, {})).statusCode).toBe(409);
    await editor.browser.post(`/admin/posts/${id}/trash`, {});
    expect((await editor.browser.post(`/admin/posts/${id}/delete`, {})).headers.location).toBe('/admin/posts?status=trash');
    expect(await db().selectFrom('posts').select('id').execute()).toEqual([]);
    expect(await db().selectFrom('post_revisions').select('id').execute()).toEqual([]);
    expect((await postActions()).map((a) => a.action)).toEqual(['post.publish', 'post.trash', 'post.restore', 'post.trash', 'post.delete']);
  });

  it('lists posts filtered by status, author, category, language and title, a page at a time', async () => {
    const { givenAuthor, givenCategory } = await import('../../../../test/fixtures.js');
    const anna = await givenAuthor(t.ctx, 'Anna Keller');
    const timur = await givenAuthor(t.ctx, 'Timur Belov');
    const labour = await givenCategory(t.ctx, 'labour');
    for (let i = 1; i <= 23; i++) await givenPost(t.ctx, { title: `Council budget ${i}`, authorIds: [anna] });
    await givenPost(t.ctx, { title: 'Tram STRIKE day one', authorIds: [timur], categoryIds: [labour] });
    await givenPost(t.ctx, { title: 'Забастовка', language: 'ru', status: 'draft', authorIds: [timur] });
    const count = (body: string) => (body.match(/<tr>\s*<td>/g) ?? []).length;

    const first = await editor.browser.get('/admin/posts');
    expect(first.body).toContain('<caption>25 posts · page 1 of 2</caption>');
    expect(count(first.body)).toBe(20);
    expect(first.body).toContain('<a href="/admin/posts?page=2" rel="next">Older →</a>');
    await expectValidHtml(first.body, 'list');
    expect(count((await editor.browser.get('/admin/posts?page=2')).body)).toBe(5);
    expect(count((await editor.browser.get(`/admin/posts?author=${timur}`)).body)).toBe(2);
    expect(count((await editor.browser.get(`/admin/posts?category=${labour}`)).body)).toBe(1);
    expect(count((await editor.browser.get('/admin/posts?language=ru')).body)).toBe(1);
    expect(count((await editor.browser.get('/admin/posts?status=draft')).body)).toBe(1);
    const search = await editor.browser.get('/admin/posts?q=strike');
    expect(count(search.body)).toBe(1);
    expect(search.body).toContain('Tram STRIKE day one');
    expect(count((await editor.browser.get('/admin/posts?q=100%25')).body)).toBe(0);
    const filtered = await editor.browser.get(`/admin/posts?author=${anna}&page=2`);
    expect(filtered.body).toContain(`<a href="/admin/posts?author=${anna}" rel="prev">← Newer</a>`);
    expect((await editor.browser.get('/admin/posts?status=bogus&page=x')).statusCode).toBe(200);
  });
});
