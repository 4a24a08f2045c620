import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestBrowser } from '../../../test/admin.js';
import { signedIn } from '../../../test/admin-posts.js';
import { Reader } from '../../../test/comments.js';
import { givenPost, givenSettings } from '../../../test/fixtures.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';

const ARTICLE = '/2026/01/the-tram-strike/';

describe.each(DIALECTS)('serving public pages from the page cache on %s', (dialect) => {
  let t: TestApp;
  const stats = () => t.ctx.pageCache!.stats;
  beforeEach(async () => {
    t = await buildTestApp(dialect, { config: { pageCache: 'on' } });
    await givenSettings(t.ctx, { title: 'The Lantern', timeZone: 'UTC' });
    await givenPost(t.ctx, { title: 'The tram strike', slug: 'the-tram-strike', body: 'Drivers walked out. '.repeat(200) });
  });
  afterEach(async () => t.close());

  it('renders an article once and serves the same page from memory to the next readers', async () => {
    const first = await t.app.inject(ARTICLE);
    const second = await t.app.inject(ARTICLE);
    const third = await t.app.inject(ARTICLE);
    expect(first.statusCode).toBe(200);
    expect(stats().stores).toBe(1);
    expect(stats().hits).toBe(2);
    expect(second.body).toContain('The tram strike');
    expect(third.headers['content-security-policy']).toBeDefined();
    expect(third.headers.vary).toBe('Accept-Encoding');
    expect(third.headers['surrogate-key']).toMatch(/(^| )post:\d+( |$)/);
    expect(third.headers['cache-tag']).toContain('settings');
    expect(second.headers.etag).toBe(first.headers.etag);
  });

  it('answers 304 Not Modified to a reader whose copy carries the current ETag, rendered or cached', async () => {
    const home = await t.app.inject('/');
    expect(home.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(home.headers['cache-control']).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=30');
    const again = await t.app.inject({ url: '/', headers: { 'if-none-match': home.headers.etag as string } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(stats().hits).toBe(1);
    const stale = await t.app.inject({ url: '/', headers: { 'if-none-match': '"something-else"' } });
    expect(stale.statusCode).toBe(200);
  });

  it('serves gzip and brotli bodies, compressed once, that decompress to the very bytes of the page', async () => {
    const plain = await t.app.inject('/');
    await t.ctx.pageCache!.settled();
    const gz = await t.app.inject({ url: '/', headers: { 'accept-encoding': 'gzip, deflate' } });
    const br = await t.app.inject({ url: '/', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    const none = await t.app.inject({ url: '/', headers: { 'accept-encoding': 'br;q=0, gzip;q=0' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(stats().stores).toBe(1);
    expect(stats().hits).toBe(3);
  });

  it('serves an article with a comment form gzipped from the cache, each reader’s own tokens inside', async () => {
    await t.app.inject(ARTICLE);
    await t.ctx.pageCache!.settled();
    const read = async (token: string, encoding: string) => {
      const res = await t.app.inject({ url: ARTICLE, headers: { cookie: `bs_csrf=${token}`, 'accept-encoding': encoding } });
      return { res, body: res.headers['content-encoding'] === 'gzip' ? gunzipSync(res.rawPayload).toString() : res.body };
    };
    const anna = 'anna-token-aaaaaaaaaaaaaaaaaaaa';
    const boris = 'boris-token-bbbbbbbbbbbbbbbbbbbb';
    const annaZipped = await read(anna, 'gzip, deflate, br');
    const borisZipped = await read(boris, 'gzip');
    const annaPlain = await read(anna, 'identity');
    expect(stats().hits).toBe(3);
    expect(annaZipped.res.headers['content-encoding']).toBe('gzip');
    expect(borisZipped.res.headers['content-encoding']).toBe('gzip');
    expect(annaPlain.res.headers['content-encoding']).toBeUndefined();
    expect(annaZipped.body).toBe(annaPlain.body);
    expect(annaZipped.body).toContain(`name="_csrf" value="${anna}"`);
    expect(borisZipped.body).toContain(`name="_csrf" value="${boris}"`);
    expect(borisZipped.body).not.toContain(anna);
    expect(annaZipped.res.rawPayload.length).toBeLessThan(annaPlain.res.rawPayload.length / 2);
  });

  it('renders afresh for a signed-in editor, marks their page private, and keeps their CSRF token out of the cache', async () => {
    await t.app.inject(ARTICLE);
    const editor = await signedIn(t.app, t.ctx, 'editor');
    const hitsBefore = stats().hits;
    const theirs = await editor.browser.get(ARTICLE);
    expect(theirs.statusCode).toBe(200);
    expect(stats().hits).toBe(hitsBefore);
    expect(theirs.headers['cache-control']).toBe('private, no-cache');
    const sessionToken = editor.browser.csrf;
    expect(sessionToken).not.toBe('');
    const anonymous = await t.app.inject(ARTICLE);
    expect(anonymous.body).not.toContain(sessionToken);
  });

  it('never gives one reader the CSRF token or form token of another, even from the cache', async () => {
    const anna = new TestBrowser(t.app);
    const boris = new TestBrowser(t.app);
    const first = await anna.get(ARTICLE);
    t.clock.advance(60_000);
    const second = await boris.get(ARTICLE);
    expect(stats().hits).toBe(1);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    expect(anna.csrf).toMatch(/^[\w-]{20,}$/);
    expect(boris.csrf).toMatch(/^[\w-]{20,}$/);
    expect(boris.csrf).not.toBe(anna.csrf);
    expect(second.body).not.toContain(anna.csrf);
    expect(second.cookies.find((c) => c.name === 'bs_csrf')?.value).toBe(boris.csrf);
    const formToken = (body: string) => body.match(/name="formToken" value="([^"]+)"/)?.[1];
    expect(formToken(second.body)).not.toBe(formToken(first.body));
    expect(formToken(second.body)?.split('.')[0]).toBe(String(t.clock.now().getTime()));
    // A returning reader keeps their own token, from the cache too.
    const annaAgain = await anna.get(ARTICLE);
    expect(stats().hits).toBe(2);
    expect(annaAgain.body).toContain(`name="_csrf" value="${anna.csrf}"`);
  });

  it('lets a reader comment through a cached page: the token spliced in is the one their cookie holds', async () => {
    await t.app.inject(ARTICLE);
    const maria = new Reader(t);
    const res = await maria.comment(ARTICLE, { body: 'Which depots were out?' });
    expect(stats().hits).toBeGreaterThanOrEqual(1);
    expect(res.statusCode).toBe(303);
  });

  it('shows a reader their own pending comment, bypassing the cached article that lacks it', async () => {
    await t.app.inject(ARTICLE);
    const maria = new Reader(t);
    const posted = await maria.comment(ARTICLE, { body: 'Were the night trams running?' });
    expect(posted.statusCode).toBe(303);
    const hits = stats().hits;
    const theirs = await maria.get(ARTICLE);
    expect(theirs.body).toContain('Were the night trams running?');
    expect(stats().hits).toBe(hits);
    const someoneElse = await t.app.inject(ARTICLE);
    expect(someoneElse.body).not.toContain('Were the night trams running?');
    expect(stats().hits).toBe(hits + 1);
  });

  it('caches the feed and the sitemap and keeps answering conditional GETs with 304', async () => {
    for (const url of ['/feed/', '/sitemap.xml', '/robots.txt']) {
      const first = await t.app.inject(url);
      expect(first.statusCode).toBe(200);
      const cached = await t.app.inject(url);
      expect(cached.body).toBe(first.body);
      const conditional = await t.app.inject({ url, headers: { 'if-none-match': first.headers.etag as string } });
      expect(conditional.statusCode).toBe(304);
    }
    expect(stats().stores).toBe(3);
    expect(stats().hits).toBe(6);
  });
});

describe.each(DIALECTS)('the page cache’s switch and bound on %s', (dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => t?.close());

  it('renders every request afresh with PAGE_CACHE=off, still with ETag and 304', async () => {
    t = await buildTestApp(dialect, { config: { pageCache: 'off' } });
    await givenPost(t.ctx, { slug: 'one' });
    const first = await t.app.inject('/');
    await t.app.inject('/');
    expect(t.ctx.pageCache!.stats).toMatchObject({ hits: 0, stores: 0 });
    expect(t.ctx.pageCache!.store.size.entries).toBe(0);
    const conditional = await t.app.inject({ url: '/', headers: { 'if-none-match': first.headers.etag as string } });
    expect(conditional.statusCode).toBe(304);
  });

  it('drops the least recently used pages to stay within PAGE_CACHE_MB', async () => {
    t = await buildTestApp(dialect, { config: { pageCache: 'on', pageCacheMb: '1' } });
    const big = 'A long paragraph of reporting that takes room. '.repeat(5000);
    for (let i = 1; i <= 8; i++) await givenPost(t.ctx, { slug: `long-read-${i}`, body: big });
    for (let i = 1; i <= 8; i++) expect((await t.app.inject(`/2026/01/long-read-${i}/`)).statusCode).toBe(200);
    await t.ctx.pageCache!.settled();
    const { entries, bytes } = t.ctx.pageCache!.store.size;
    expect(bytes).toBeLessThanOrEqual(1024 * 1024);
    expect(entries).toBeGreaterThan(0);
    expect(entries).toBeLessThan(8);
    const hits = t.ctx.pageCache!.stats.hits;
    await t.app.inject('/2026/01/long-read-8/');
    expect(t.ctx.pageCache!.stats.hits).toBe(hits + 1);
    await t.app.inject('/2026/01/long-read-1/');
    expect(t.ctx.pageCache!.stats.hits).toBe(hits + 1);
  }, 120_000);
});
