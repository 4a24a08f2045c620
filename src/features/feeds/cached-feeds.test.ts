import { parseFeed } from '@rowanmanning/feed-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenUser } from '../../../test/admin.js';
import { commentIdOf, Reader } from '../../../test/comments.js';
import { givenAuthor, givenCategory, givenPost, givenSettings } from '../../../test/fixtures.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';
import { moderateComments } from '../comments/index.js';
import { type PostInput, updatePost } from '../posts/index.js';

const ARTICLE = '/2026/06/tram-strike/';
const FEEDS = [
  '/feed/', '/feed/rss2/', '/feed/atom/', '/feed/json/', '/category/courts/feed/', '/tag/strikes/feed/atom/', '/author/anna-keller/feed/json/',
  '/comments/feed/', '/comments/feed/atom/', `${ARTICLE}feed/`, `${ARTICLE}feed/json/`, '/sitemap.xml', '/sitemap-posts-1.xml', '/sitemap-news.xml',
];

/**
 * Conditional GET of feeds and sitemaps with the page cache on (as in production): the cached
 * copy keeps both validators, answers 304 to either, and a change the feed shows gives 200 again.
 */
describe.each(DIALECTS)('feeds served from the page cache on %s', (dialect) => {
  let t: TestApp;
  let input: PostInput;
  let postId: number;
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers });
  const hits = () => t.ctx.pageCache!.stats.hits;
  const deps = () => ({ db: t.ctx.database.db, clock: t.clock, invalidator: t.ctx.pageCache!.invalidator });

  beforeEach(async () => {
    t = await buildTestApp(dialect, { config: { pageCache: 'on' } });
    await givenSettings(t.ctx, { title: 'The Lantern', timeZone: 'UTC' });
    const courts = await givenCategory(t.ctx, 'courts');
    input = {
      title: 'Tram strike', slug: 'tram-strike', status: 'published', publishedAt: '2026-06-15T10:00:00Z', language: 'en',
      authorIds: [await givenAuthor(t.ctx, 'Anna Keller')], categoryIds: [courts], tagNames: ['Strikes'], body: 'Drivers walked out.',
    };
    postId = await givenPost(t.ctx, input);
  });
  afterEach(async () => t.close());

  it('answer 304 from the cache to a reader sending back the ETag, the date or both, and 200 to a stale ETag whatever the date', async () => {
    for (const url of FEEDS) {
      const first = await get(url);
      expect(first.statusCode, url).toBe(200);
      const etag = String(first.headers.etag);
      const lastModified = String(first.headers['last-modified']);
      expect(Date.parse(lastModified), url).not.toBeNaN();
      const before = hits();
      const cached = await get(url);
      expect([hits(), cached.body, cached.headers.etag, cached.headers['last-modified']], url).toEqual([before + 1, first.body, etag, lastModified]);
      const validators: Record<string, string>[] = [{ 'if-none-match': etag }, { 'if-modified-since': lastModified }, { 'if-none-match': etag, 'if-modified-since': lastModified }];
      for (const headers of validators) {
        const conditional = await get(url, headers);
        expect([conditional.statusCode, conditional.body], `${url} ${JSON.stringify(headers)}`).toEqual([304, '']);
        expect(conditional.headers.etag).toBe(etag);
      }
      expect(hits(), url).toBe(before + 4);
      // If-None-Match wins over If-Modified-Since (RFC 9110): a stale ETag gets the feed.
      expect((await get(url, { 'if-none-match': '"stale"', 'if-modified-since': lastModified })).statusCode, url).toBe(200);
    }
  });

  it('give a reader holding the old copy the corrected article at once, by ETag or by date', async () => {
    const urls = ['/feed/', '/feed/atom/', '/category/courts/feed/', '/sitemap-posts-1.xml'];
    const before = new Map<string, { etag: string; lastModified: string }>();
    for (const url of urls) {
      const res = await get(url);
      await get(url);
      before.set(url, { etag: String(res.headers.etag), lastModified: String(res.headers['last-modified']) });
    }
    t.clock.advance(60_000);
    await updatePost(deps(), postId, { ...input, title: 'Tram strike ends' });
    for (const url of urls) {
      const old = before.get(url)!;
      const byTag = await get(url, { 'if-none-match': old.etag });
      expect(byTag.statusCode, url).toBe(200);
      expect(byTag.headers.etag).not.toBe(old.etag);
      const byDate = await get(url, { 'if-modified-since': old.lastModified });
      expect(byDate.statusCode, url).toBe(200);
      expect(Date.parse(String(byDate.headers['last-modified']))).toBeGreaterThan(Date.parse(old.lastModified));
      if (url.includes('/feed/')) expect(parseFeed(byTag.body).items[0]!.title).toBe('Tram strike ends');
    }
  });

  it('give a comment feed reader the comment a moderator just approved, by ETag or by date', async () => {
    const urls = ['/comments/feed/', `${ARTICLE}feed/atom/`];
    const before = new Map<string, { etag: string; lastModified: string }>();
    for (const url of urls) {
      const res = await get(url);
      expect(parseFeed(res.body).items).toEqual([]);
      before.set(url, { etag: String(res.headers.etag), lastModified: String(res.headers['last-modified']) });
    }
    const id = commentIdOf(await new Reader(t).comment(ARTICLE, { body: 'The depot figures add up.' }));
    for (const url of urls) expect((await get(url, { 'if-none-match': before.get(url)!.etag })).statusCode, url).toBe(304);
    const moderator = await givenUser(t.ctx, 'editor');
    await moderateComments(deps(), [id], 'approve', { userId: moderator, actor: 'editor@lantern.example' });
    for (const url of urls) {
      const old = before.get(url)!;
      const validators: Record<string, string>[] = [{ 'if-none-match': old.etag }, { 'if-modified-since': old.lastModified }];
      for (const headers of validators) {
        const res = await get(url, headers);
        expect(res.statusCode, `${url} ${JSON.stringify(headers)}`).toBe(200);
        expect(parseFeed(res.body).items.map((i) => i.content)).toEqual(['<p>The depot figures add up.</p>']);
      }
    }
  });
});
