import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenUser, TestBrowser } from '../../../test/admin.js';
import { commentIdOf, Reader } from '../../../test/comments.js';
import { givenPost, givenSettings } from '../../../test/fixtures.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';

const ARTICLE = '/2026/01/cached-discussion/';

/** Comments on a site with the page cache on: what each reader gets, and what a desk action changes at once. */
describe.each(DIALECTS)('comments under a cached article on %s', (dialect) => {
  let t: TestApp;
  let admin: TestBrowser;
  const hits = () => t.ctx.pageCache!.stats.hits;

  beforeEach(async () => {
    t = await buildTestApp(dialect, { config: { trustProxy: 'true', pageCache: 'on' } });
    await givenSettings(t.ctx, { title: 'The Lantern', timeZone: 'UTC' });
    await givenPost(t.ctx, { title: 'Cached discussion', slug: 'cached-discussion' });
    await givenUser(t.ctx, 'admin');
    admin = new TestBrowser(t.app);
    await admin.signIn('admin@lantern.example');
  });
  afterEach(async () => t.close());

  it('never shows a pending comment to another reader, even when its author was the first to load the article', async () => {
    const maria = new Reader(t);
    // Maria's browser has the form from before the cache held anything; nobody else has looked.
    expect(commentIdOf(await maria.comment(ARTICLE, { body: 'Only I should see this for now.' }))).toBeGreaterThan(0);
    t.ctx.pageCache!.store.clear();
    const own = await maria.get(ARTICLE);
    expect(own.body).toContain('Your comment is awaiting moderation.');
    expect(own.headers['cache-control']).toMatch(/private/);
    for (let i = 0; i < 2; i++) {
      const stranger = await t.app.inject(ARTICLE);
      expect(stranger.body).not.toContain('Only I should see this');
      expect(stranger.body).not.toContain('awaiting moderation');
    }
    // The strangers' page is the cached one now; Maria still gets hers, rendered for her.
    const before = hits();
    expect((await maria.get(ARTICLE)).body).toContain('Only I should see this for now.');
    expect(hits()).toBe(before);
  });

  it('takes an erased commenter’s name, website and, when deleted, words off the cached article at once', async () => {
    const maria = new Reader(t);
    const id = commentIdOf(await maria.comment(ARTICLE, { url: 'https://maria.example/', body: 'Words to keep.' }));
    const gone = commentIdOf(await new Reader(t).comment(ARTICLE, { name: 'Gone Reader', email: 'gone@x.example', body: 'Words to remove.' }));
    await admin.post('/admin/comments/bulk', { 'ids[]': [String(id), String(gone)], action: 'approve' });
    await t.app.inject(ARTICLE);
    const cached = await t.app.inject(ARTICLE);
    expect(cached.body).toContain('Maria Reader');
    expect(cached.body).toContain('https://maria.example/');

    await admin.post('/admin/comments/erase', { email: 'maria@readers.example', mode: 'anonymise' });
    const anonymised = await t.app.inject(ARTICLE);
    expect(anonymised.body).not.toContain('Maria Reader');
    expect(anonymised.body).not.toContain('maria.example');
    expect(anonymised.body).toContain('Words to keep.');

    await t.app.inject(ARTICLE);
    await admin.post('/admin/comments/erase', { email: 'gone@x.example', mode: 'delete' });
    const deleted = await t.app.inject(ARTICLE);
    expect(deleted.body).not.toContain('Words to remove.');
    expect(deleted.body).not.toContain('Gone Reader');
    expect((await t.app.inject('/comments/feed/')).body).not.toContain('Words to remove.');
  });

  it('shows a known commenter’s comment, approved as it is sent, on the cached article and in the home page’s count at once', async () => {
    const maria = new Reader(t);
    const first = commentIdOf(await maria.comment(ARTICLE, { body: 'First words.' }));
    await admin.post('/admin/comments/bulk', { 'ids[]': String(first), action: 'approve' });
    for (const url of [ARTICLE, ARTICLE, '/', '/']) await t.app.inject(url);
    const before = hits();
    expect((await t.app.inject('/')).body).toContain('1 comment');
    expect(hits()).toBe(before + 1);
    // Maria has an approved comment: her next one goes up without moderation.
    expect(commentIdOf(await maria.comment(ARTICLE, { body: 'Second words, straight up.' }))).toBeGreaterThan(first);
    expect((await t.app.inject(ARTICLE)).body).toContain('Second words, straight up.');
    expect((await t.app.inject('/')).body).toContain('2 comments');
  });

  it('shows a moderator’s edit and staff reply on the cached article at once', async () => {
    const id = commentIdOf(await new Reader(t).comment(ARTICLE, { body: 'Typo hree.' }));
    await admin.post('/admin/comments/bulk', { 'ids[]': String(id), action: 'approve' });
    await t.app.inject(ARTICLE);
    expect((await t.app.inject(ARTICLE)).body).toContain('Typo hree.');
    await admin.post(`/admin/comments/${id}`, { name: 'Maria Reader', email: 'maria@readers.example', url: '', body: 'Typo here.' });
    expect((await t.app.inject(ARTICLE)).body).toContain('Typo here.');
    await admin.post(`/admin/comments/${id}/reply`, { reply: 'Fixed, thank you.' });
    expect((await t.app.inject(ARTICLE)).body).toContain('Fixed, thank you.');
  });
});
