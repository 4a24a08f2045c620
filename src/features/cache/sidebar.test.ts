import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenUser } from '../../../test/admin.js';
import { commentIdOf, Reader } from '../../../test/comments.js';
import { givenAuthor, givenPost, givenSettings } from '../../../test/fixtures.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';
import { moderateComments } from '../comments/index.js';
import { createPost, type PostInput } from '../posts/index.js';

const OLD = '/2019/03/harbour-dredging/';
const OLD_MONTH = '/2019/03/';
const dispatch = (n: number) => `/2026/01/dispatch-${n}/`;

// The sidebar (calendar, monthly archive) is on every page; it is cached apart and spliced in.
describe.each(DIALECTS)('the sidebar of cached pages on %s', (dialect) => {
  let t: TestApp;
  const stats = () => t.ctx.pageCache!.stats;
  const deps = () => ({ db: t.ctx.database.db, clock: t.clock, invalidator: t.ctx.pageCache!.invalidator });
  /** Whether the next GET of `url` comes from the cache (it is fetched either way). */
  const cached = async (url: string) => {
    const before = stats().hits;
    await t.app.inject(url);
    return stats().hits === before + 1;
  };
  beforeEach(async () => {
    t = await buildTestApp(dialect, { config: { pageCache: 'on' } });
    // Two posts a page: the 2019 article is on no page of the home page's first.
    await givenSettings(t.ctx, { title: 'The Lantern', timeZone: 'UTC', postsPerPage: 2 });
    await givenPost(t.ctx, { title: 'Harbour dredging', slug: 'harbour-dredging', publishedAt: '2019-03-05T10:00:00Z' });
    for (const n of [1, 2, 3]) {
      await givenPost(t.ctx, { title: `Dispatch ${n}`, slug: `dispatch-${n}`, publishedAt: `2026-01-1${n}T10:00:00Z` });
    }
  });
  afterEach(async () => t.close());

  it('keeps serving a 2019 article from the cache when a March 2026 post is published, its sidebar showing the new month', async () => {
    await t.app.inject(OLD);
    const before = await t.app.inject(OLD);
    const archiveBefore = await t.app.inject(OLD_MONTH);
    expect(stats().hits).toBe(1);
    expect(before.body).toContain('href="/2019/03/05/"');
    expect(before.body).not.toContain('>March 2026</a>');
    await t.app.inject('/');

    const authorIds = [await givenAuthor(t.ctx)];
    await createPost(deps(), {
      title: 'Budget vote', slug: 'budget-vote', body: 'The council voted.', status: 'published', language: 'en',
      publishedAt: '2026-03-10T09:00:00Z', authorIds,
    } as PostInput);

    const fragmentsBefore = stats().fragments;
    expect(await cached(OLD)).toBe(true);
    expect(await cached(OLD_MONTH)).toBe(true);
    const after = await t.app.inject(OLD);
    expect(after.body).toContain('Harbour dredging');
    // Its calendar still shows its own month; the monthly list has the new one.
    expect(after.body).toContain('href="/2019/03/05/"');
    expect(after.body).toContain('<a href="/2026/03/">March 2026</a> (1)');
    expect(stats().fragments).toBe(fragmentsBefore + 1);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect((await t.app.inject({ url: OLD, headers: { 'if-none-match': before.headers.etag as string } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: OLD, headers: { 'if-none-match': after.headers.etag as string } })).statusCode).toBe(304);
    // Compressed variants (pages without a comment form have them) are of the page with the new sidebar.
    const archive = await t.app.inject(OLD_MONTH);
    expect(archive.body).toContain('<a href="/2026/03/">March 2026</a> (1)');
    expect(archive.headers.etag).not.toBe(archiveBefore.headers.etag);
    await t.ctx.pageCache!.settled();
    const gz = await t.app.inject({ url: OLD_MONTH, headers: { 'accept-encoding': 'gzip' } });
    const br = await t.app.inject({ url: OLD_MONTH, headers: { 'accept-encoding': 'br' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(archive.body);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(archive.body);
    expect(gz.headers.etag).toBe(archive.headers.etag);

    // The home page lists the new post: rendered afresh.
    expect(await cached('/')).toBe(false);
    expect((await t.app.inject('/')).body).toContain('Budget vote');
    expect((await t.app.inject('/2026/03/budget-vote/')).statusCode).toBe(200);
  });

  it('drops only the article and the comment feeds when one comment on it is approved, not the home page nor any sidebar', async () => {
    const maria = new Reader(t);
    const id = commentIdOf(await maria.comment(OLD, { body: 'The dredger was Dutch.' }));
    const pages = ['/', OLD, dispatch(1), dispatch(3), '/2026/01/', '/comments/feed/'];
    for (const url of pages) await t.app.inject(url);
    const fragments = stats().fragments;
    const moderator = await givenUser(t.ctx, 'editor');
    await moderateComments(deps(), [id], 'approve', { userId: moderator, actor: 'editor@lantern.example' });

    expect(await cached(OLD)).toBe(false);
    expect((await t.app.inject(OLD)).body).toContain('The dredger was Dutch.');
    expect(await cached('/comments/feed/')).toBe(false);
    expect((await t.app.inject('/comments/feed/')).body).toContain('The dredger was Dutch.');
    for (const url of ['/', dispatch(1), dispatch(3), '/2026/01/']) expect(await cached(url), url).toBe(true);
    expect(stats().fragments).toBe(fragments);
  });

  it('shows every reader the same sidebar whichever page stored it, in the language and month each page asks for', async () => {
    const home = await t.app.inject('/');
    const article = await t.app.inject(dispatch(2));
    const sidebarOf = (body: string) => body.slice(body.indexOf('<aside'), body.indexOf('</aside>'));
    // This month's calendar (June 2026) on the home page, the article's (January 2026) on it.
    expect(sidebarOf(home.body)).toContain('<caption>June 2026</caption>');
    expect(sidebarOf(article.body)).toContain('<caption>January 2026</caption>');
    expect(sidebarOf((await t.app.inject(dispatch(1))).body)).toBe(sidebarOf(article.body));
    const narrowed = await t.app.inject('/2026/01/?lang=en');
    expect(sidebarOf(narrowed.body)).toContain('href="/2026/01/11/?lang=en"');
    // A sidebar dropped from memory is rendered again from its key alone, byte for byte.
    await t.ctx.pageCache!.invalidator.invalidate(['sidebar']);
    const again = await t.app.inject(dispatch(2));
    expect(stats().hits).toBe(1);
    expect(stats().fragments).toBe(1);
    const narrowedAgain = await t.app.inject('/2026/01/?lang=en');
    expect(stats().hits).toBe(2);
    expect(narrowedAgain.body).toBe(narrowed.body);
    const withoutCsrf = (body: string) => body.replace(/name="_csrf" value="[^"]*"/, '');
    expect(withoutCsrf(again.body)).toBe(withoutCsrf(article.body));
    expect(again.headers.etag).toBe(article.headers.etag);
  });
});
